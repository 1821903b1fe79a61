"""Hand-written helpers on top of the core, as openai-python keeps `lib/`: structured output
(`parse()`), partial JSON and parsed streams, tools from Python functions (`run_tools`).

The core and the generated package never import from here; the resource methods that offer
these helpers do.
"""
