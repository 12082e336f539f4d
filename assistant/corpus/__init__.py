"""Legal corpus: manifest, fetch, parse into versioned provision trees, resolve references."""
