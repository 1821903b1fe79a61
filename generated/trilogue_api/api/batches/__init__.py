# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""Contains endpoint functions for accessing the API"""
