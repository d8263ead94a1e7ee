"""The guided interview: the question bank and the planner that asks only what can still change an outcome."""
