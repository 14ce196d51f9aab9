"""eia-rules: checks Welsh integrated impact assessments against the duties they must show."""
__version__ = "0.1.0"
