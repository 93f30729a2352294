"""Write services: one user action is one @transactional call, which checks the acting user's
current role and writes its audit entries in the same transaction."""
