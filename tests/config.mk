# config tests (filled by its owner).
