"""Elements shared by asylum and statutory withholding: persecution, protected grounds, the state's
failure to protect, past persecution and its presumption, internal relocation, credibility."""
