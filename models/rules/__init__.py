"""Pure rules: plain data in, plain data out; no session, no clock."""
