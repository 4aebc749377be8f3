"""A fake migrations package holding only a 0002, to test applying a pending migration in place."""
