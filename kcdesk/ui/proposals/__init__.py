"""Proposals (đề án): the list and the editor with budget, beneficiaries and status actions."""
