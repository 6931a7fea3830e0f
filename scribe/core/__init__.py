"""Service core: database, security (tenants, keys, tokens), object store, events, logs, metrics."""
