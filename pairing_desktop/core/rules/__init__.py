"""Business rules that span records, one module per area; entity specs attach them to saves."""
