# nvram tests (filled by its owner).
