"""The chain: narrative -> facts (extraction), interview, cited analysis, verification, report."""
