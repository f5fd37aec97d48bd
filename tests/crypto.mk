# crypto tests (filled by its owner).
