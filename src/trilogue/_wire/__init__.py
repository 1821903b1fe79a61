"""The wire formats: everything that differs between provider families, as one set of named
hooks per family (build and check a body, read a result, read a stream, read an error body,
reshape a returned message).

`openai.OpenAIWire` is the OpenAI format and the base of the others; `llama.LlamaWire` is Meta's
native format. A provider (_providers.py) names the module of its format; nothing here knows the
providers. Each module is imported on first use: it loads the generated models.
"""
