"""The county report: figures computed from the records, and their PDF and workbook forms."""
