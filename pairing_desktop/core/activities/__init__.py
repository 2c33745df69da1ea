"""The activity ledger: the kinds of activity (data), their validation, and demo activities."""
