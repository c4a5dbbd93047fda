"""Solve jobs, roster versions with their assignments, vacancies and volunteers."""
