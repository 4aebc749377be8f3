"""Training the learned typing layer (scikit-learn, training time only).

corpus -> rules_adapter (the rules' verdicts, cached) -> vectorize -> trainer -> cv / policy -> export.
"""
