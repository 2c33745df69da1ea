"""pairing_desktop: the ledger of the urban-rural "1+1" pairing assistance programme."""

__version__ = "0.1.0"
