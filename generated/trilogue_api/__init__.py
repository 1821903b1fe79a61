# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""A client library for accessing trilogue chat completions"""
