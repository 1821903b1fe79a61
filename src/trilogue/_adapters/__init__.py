"""One adapter per wire format: everything that differs between provider families (body
shaping, conversion of answers and stream chunks, end-of-stream rules, error bodies).

`openai` is the OpenAI format and the base of the others; `llama` is Meta's native format. A new
wire format is one more module here, named by the providers that speak it (see _providers.py).
"""
