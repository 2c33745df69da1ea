"""Duty checks (合规): what each pairing and cadre owes by the rules, and what they have done."""
