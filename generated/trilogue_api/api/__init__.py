# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""Contains methods for accessing the API"""
