"""Simulated candidates interview with every persona; checks measure the interviewer and
the grader (`interviewer eval`)."""
