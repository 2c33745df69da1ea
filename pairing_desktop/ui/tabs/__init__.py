"""The ledger's tabs, one module each; `registry.TABS` lists them in order."""
