# dp tests (filled by its owner).
