"""Quizzes for other places: quiz platforms' import formats and the printable paper."""
