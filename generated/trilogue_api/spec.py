# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
"""The component schemas of openapi.yaml, extensions and `$ref`s kept, for the request
checks a client compiles from them, each operation's query parameters, and the
providers that serve an operation only some of them serve."""

from typing import Any

SCHEMAS: dict[str, Any] = {'CreateChatCompletionRequest': {'type': 'object',
                                 'x-explicit-arguments': ['model', 'messages', 'stream'],
                                 'x-argument-sets': {'Parse': ['response_format'],
                                                     'RunTools': ['tools']},
                                 'dependentRequired': {'stream_options': ['stream'],
                                                       'top_logprobs': ['logprobs']},
                                 'required': ['model', 'messages'],
                                 'properties': {'model': {'type': 'string',
                                                          'minLength': 1,
                                                          'x-providers': ['llama',
                                                                          'gradient',
                                                                          'mistral']},
                                                'messages': {'type': 'array',
                                                             'minItems': 1,
                                                             'x-providers': ['llama',
                                                                             'gradient',
                                                                             'mistral'],
                                                             'items': {'oneOf': [{'$ref': '#/components/schemas/SystemMessage'},
                                                                                 {'$ref': '#/components/schemas/DeveloperMessage'},
                                                                                 {'$ref': '#/components/schemas/UserMessage'},
                                                                                 {'$ref': '#/components/schemas/AssistantMessage'},
                                                                                 {'$ref': '#/components/schemas/ToolMessage'}]}},
                                                'temperature': {'type': 'number',
                                                                'minimum': 0,
                                                                'maximum': 2,
                                                                'x-providers': ['llama',
                                                                                'gradient',
                                                                                'mistral'],
                                                                'x-provider-limits': {'mistral': {'maximum': 1.5}}},
                                                'top_p': {'type': 'number',
                                                          'minimum': 0,
                                                          'maximum': 1,
                                                          'x-providers': ['llama',
                                                                          'gradient',
                                                                          'mistral'],
                                                          'x-provider-limits': {'mistral': {'exclusiveMinimum': 0}},
                                                          'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                  'openapi-public-doc.yaml '
                                                                                  '@ '
                                                                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                  '(2026-08-13): '
                                                                                  'ChatCompletionRequest.top_p '
                                                                                  'exclusiveMinimum '
                                                                                  '0'}},
                                                'top_k': {'type': 'integer',
                                                          'minimum': 0,
                                                          'x-providers': ['llama']},
                                                'repetition_penalty': {'type': 'number',
                                                                       'exclusiveMinimum': 0,
                                                                       'x-providers': ['llama']},
                                                'max_tokens': {'type': 'integer',
                                                               'minimum': 0,
                                                               'x-providers': ['gradient',
                                                                               'mistral'],
                                                               'x-wire-name': {'llama': 'max_completion_tokens'}},
                                                'max_completion_tokens': {'type': 'integer',
                                                                          'minimum': 1,
                                                                          'x-providers': ['llama',
                                                                                          'gradient'],
                                                                          'x-provider-limits': {'gradient': {'minimum': 256}}},
                                                'stream': {'type': 'boolean',
                                                           'x-providers': ['llama',
                                                                           'gradient',
                                                                           'mistral']},
                                                'stream_options': {'$ref': '#/components/schemas/StreamOptions',
                                                                   'x-providers': ['gradient']},
                                                'stop': {'x-providers': ['gradient', 'mistral'],
                                                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                 'openapi-public-doc.yaml '
                                                                                 '@ '
                                                                                 '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                 '(2026-08-13): '
                                                                                 'ChatCompletionRequest.stop, '
                                                                                 'array without '
                                                                                 'maxItems',
                                                                      'gradient': 'digitalocean/openapi '
                                                                                  'specification/resources/inference/models '
                                                                                  '@ '
                                                                                  '1e369f038274a56089defdf852ea2851c8a03b0c '
                                                                                  '(2026-03-25): '
                                                                                  'chat_completion_request.yml '
                                                                                  'stop, 1..4 '
                                                                                  'strings'},
                                                         'anyOf': [{'type': 'string'},
                                                                   {'type': 'array',
                                                                    'items': {'type': 'string'},
                                                                    'x-provider-limits': {'gradient': {'minItems': 1,
                                                                                                       'maxItems': 4}}}]},
                                                'n': {'type': 'integer',
                                                      'minimum': 1,
                                                      'x-providers': ['gradient', 'mistral'],
                                                      'x-provider-limits': {'gradient': {'maximum': 128}}},
                                                'frequency_penalty': {'type': 'number',
                                                                      'minimum': -2,
                                                                      'maximum': 2,
                                                                      'x-providers': ['gradient',
                                                                                      'mistral']},
                                                'presence_penalty': {'type': 'number',
                                                                     'minimum': -2,
                                                                     'maximum': 2,
                                                                     'x-providers': ['gradient',
                                                                                     'mistral']},
                                                'logit_bias': {'$ref': '#/components/schemas/LogitBias',
                                                               'x-providers': ['gradient']},
                                                'logprobs': {'type': 'boolean',
                                                             'x-providers': ['gradient']},
                                                'top_logprobs': {'type': 'integer',
                                                                 'minimum': 0,
                                                                 'maximum': 20,
                                                                 'x-providers': ['gradient']},
                                                'seed': {'type': 'integer',
                                                         'x-providers': ['gradient'],
                                                         'x-wire-name': {'mistral': 'random_seed'}},
                                                'random_seed': {'type': 'integer',
                                                                'minimum': 0,
                                                                'x-providers': ['mistral']},
                                                'metadata': {'$ref': '#/components/schemas/Metadata',
                                                             'x-providers': ['gradient',
                                                                             'mistral']},
                                                'reasoning_effort': {'$ref': '#/components/schemas/ReasoningEffort',
                                                                     'x-providers': ['gradient',
                                                                                     'mistral']},
                                                'user': {'type': 'string',
                                                         'x-providers': ['llama', 'gradient']},
                                                'response_format': {'$ref': '#/components/schemas/ResponseFormat',
                                                                    'x-providers': ['llama',
                                                                                    'mistral']},
                                                'tools': {'type': 'array',
                                                          'maxItems': 128,
                                                          'x-providers': ['llama',
                                                                          'gradient',
                                                                          'mistral'],
                                                          'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                  'openapi-public-doc.yaml '
                                                                                  '@ '
                                                                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                  '(2026-08-13): '
                                                                                  'ChatCompletionRequest.tools, '
                                                                                  'oneOf Tool / '
                                                                                  'WebSearchTool / '
                                                                                  'WebSearchPremiumTool '
                                                                                  '/ '
                                                                                  'CodeInterpreterTool '
                                                                                  '/ '
                                                                                  'ImageGenerationTool '
                                                                                  '/ '
                                                                                  'DocumentLibraryTool '
                                                                                  '/ '
                                                                                  'CustomConnector'},
                                                          'items': {'oneOf': [{'$ref': '#/components/schemas/Tool'},
                                                                              {'$ref': '#/components/schemas/WebSearchTool'},
                                                                              {'$ref': '#/components/schemas/WebSearchPremiumTool'},
                                                                              {'$ref': '#/components/schemas/CodeInterpreterTool'},
                                                                              {'$ref': '#/components/schemas/ImageGenerationTool'},
                                                                              {'$ref': '#/components/schemas/DocumentLibraryTool'},
                                                                              {'$ref': '#/components/schemas/ConnectorTool'}]}},
                                                'tool_choice': {'$ref': '#/components/schemas/ToolChoice',
                                                                'x-providers': ['llama',
                                                                                'gradient',
                                                                                'mistral']},
                                                'parallel_tool_calls': {'type': 'boolean',
                                                                        'x-providers': ['mistral']},
                                                'safe_prompt': {'type': 'boolean',
                                                                'x-providers': ['mistral']},
                                                'prompt_mode': {'x-providers': ['mistral'],
                                                                'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                        'openapi-public-doc.yaml '
                                                                                        '@ '
                                                                                        '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                        '(2026-08-13): '
                                                                                        'ChatCompletionRequest.prompt_mode, '
                                                                                        'MistralPromptMode '
                                                                                        'or null'},
                                                                'anyOf': [{'$ref': '#/components/schemas/PromptMode'},
                                                                          {'type': 'null'}]},
                                                'prediction': {'$ref': '#/components/schemas/Prediction',
                                                               'x-providers': ['mistral']},
                                                'guardrails': {'type': 'array',
                                                               'x-providers': ['mistral'],
                                                               'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                       'openapi-public-doc.yaml '
                                                                                       '@ '
                                                                                       '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                       '(2026-08-13): '
                                                                                       'ChatCompletionRequest.guardrails, '
                                                                                       'GuardrailConfig '
                                                                                       '(since '
                                                                                       'ddaca1c1, '
                                                                                       '2026-03-04; '
                                                                                       'v2 '
                                                                                       '63c81ca6, '
                                                                                       '2026-03-17)'},
                                                               'items': {'$ref': '#/components/schemas/GuardrailConfig'}},
                                                'prompt_cache_key': {'type': 'string',
                                                                     'x-providers': ['mistral'],
                                                                     'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                             'openapi-public-doc.yaml '
                                                                                             '@ '
                                                                                             '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                             '(2026-08-13): '
                                                                                             'ChatCompletionRequest.prompt_cache_key '
                                                                                             '(since '
                                                                                             'f6267d53, '
                                                                                             '2026-05-07)'}},
                                                'service_tier': {'$ref': '#/components/schemas/RequestedServiceTier',
                                                                 'x-providers': ['mistral'],
                                                                 'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                         'openapi-public-doc.yaml '
                                                                                         '@ '
                                                                                         '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                         '(2026-08-13): '
                                                                                         'ChatCompletionRequest.service_tier, '
                                                                                         'RequestedServiceTier'}}}},
 'SystemMessage': {'type': 'object',
                   'required': ['role', 'content'],
                   'properties': {'role': {'type': 'string', 'const': 'system'},
                                  'content': {'anyOf': [{'type': 'string'},
                                                        {'type': 'array',
                                                         'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                             {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                                             {'$ref': '#/components/schemas/OpaqueContentPart'}]}}]}}},
 'DeveloperMessage': {'type': 'object',
                      'x-providers': ['gradient'],
                      'required': ['role', 'content'],
                      'properties': {'role': {'type': 'string', 'const': 'developer'},
                                     'content': {'anyOf': [{'type': 'string'},
                                                           {'type': 'array',
                                                            'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                                {'$ref': '#/components/schemas/OpaqueContentPart'}]}}]}}},
 'UserMessage': {'type': 'object',
                 'required': ['role', 'content'],
                 'properties': {'role': {'type': 'string', 'const': 'user'},
                                'content': {'anyOf': [{'type': 'string'},
                                                      {'type': 'array',
                                                       'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                           {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                           {'$ref': '#/components/schemas/VideoUrlContentPart'},
                                                                           {'$ref': '#/components/schemas/OpaqueContentPart'}]}}]}}},
 'AssistantMessage': {'type': 'object',
                      'required': ['role'],
                      'properties': {'role': {'type': 'string', 'const': 'assistant'},
                                     'content': {'anyOf': [{'type': 'string'},
                                                           {'type': 'array',
                                                            'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                                {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                                {'$ref': '#/components/schemas/VideoUrlContentPart'},
                                                                                {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                                                {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                                           {'$ref': '#/components/schemas/TextContentPart'},
                                                           {'type': 'null'}]},
                                     'tool_calls': {'type': 'array',
                                                    'items': {'$ref': '#/components/schemas/AssistantToolCall'}},
                                     'refusal': {'type': 'string',
                                                 'x-providers': ['gradient'],
                                                 'x-source': {'gradient': 'digitalocean/openapi '
                                                                          'specification/resources/inference/models '
                                                                          '@ '
                                                                          '1e369f038274a56089defdf852ea2851c8a03b0c '
                                                                          '(2026-03-25): '
                                                                          'chat_message.yml '
                                                                          'refusal (string, '
                                                                          'nullable; assistant '
                                                                          'messages only)'}},
                                     'reasoning_content': {'type': 'string',
                                                           'x-providers': ['gradient'],
                                                           'x-source': {'gradient': 'digitalocean/openapi '
                                                                                    'specification/resources/inference/models '
                                                                                    '@ '
                                                                                    '1e369f038274a56089defdf852ea2851c8a03b0c '
                                                                                    '(2026-03-25): '
                                                                                    'chat_message.yml '
                                                                                    'reasoning_content '
                                                                                    '(string, '
                                                                                    'nullable; '
                                                                                    'assistant '
                                                                                    'messages '
                                                                                    'only)'}},
                                     'stop_reason': {'x-providers': ['llama'],
                                                     'anyOf': [{'$ref': '#/components/schemas/StopReason'},
                                                               {'type': 'string'}]},
                                     'prefix': {'type': 'boolean', 'x-providers': ['mistral']}}},
 'ToolMessage': {'type': 'object',
                 'required': ['role', 'content'],
                 'x-required-by': {'tool_call_id': ['llama', 'gradient']},
                 'properties': {'role': {'type': 'string', 'const': 'tool'},
                                'tool_call_id': {'type': 'string'},
                                'content': {'anyOf': [{'type': 'string'},
                                                      {'type': 'array',
                                                       'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                           {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                           {'$ref': '#/components/schemas/VideoUrlContentPart'},
                                                                           {'$ref': '#/components/schemas/OpaqueContentPart'}]}}]},
                                'name': {'type': 'string', 'x-providers': ['mistral']}}},
 'AssistantToolCall': {'type': 'object',
                       'properties': {'id': {'type': 'string'},
                                      'type': {'type': 'string', 'const': 'function'},
                                      'function': {'$ref': '#/components/schemas/FunctionCall'}}},
 'TextContentPart': {'type': 'object',
                     'required': ['type'],
                     'properties': {'type': {'type': 'string', 'const': 'text'},
                                    'text': {'type': 'string'},
                                    'cache_control': {'$ref': '#/components/schemas/CacheControl',
                                                      'x-providers': ['gradient']}}},
 'CacheControl': {'type': 'object',
                  'x-providers': ['gradient'],
                  'required': ['type'],
                  'properties': {'type': {'type': 'string', 'const': 'ephemeral'},
                                 'ttl': {'$ref': '#/components/schemas/CacheControlTtl'}}},
 'CacheControlTtl': {'type': 'string', 'enum': ['5m', '1h']},
 'ImageUrlContentPart': {'type': 'object',
                         'required': ['type'],
                         'properties': {'type': {'type': 'string', 'const': 'image_url'},
                                        'image_url': {'anyOf': [{'$ref': '#/components/schemas/ImageUrl'},
                                                                {'type': 'string'}]}}},
 'ImageUrl': {'type': 'object',
              'properties': {'url': {'type': 'string'},
                             'detail': {'$ref': '#/components/schemas/ImageDetail'}}},
 'ImageDetail': {'type': 'string', 'enum': ['auto', 'low', 'high']},
 'VideoUrlContentPart': {'type': 'object',
                         'x-providers': ['gradient'],
                         'required': ['type'],
                         'properties': {'type': {'type': 'string', 'const': 'video_url'},
                                        'video_url': {'$ref': '#/components/schemas/VideoUrl'}}},
 'VideoUrl': {'type': 'object', 'properties': {'url': {'type': 'string'}}},
 'OpaqueContentPart': {'type': 'object',
                       'x-providers': ['mistral'],
                       'required': ['type'],
                       'properties': {'type': {'type': 'string',
                                               'not': {'enum': ['text',
                                                                'image_url',
                                                                'video_url',
                                                                'thinking']}}},
                       'additionalProperties': True},
 'ThinkingContentPart': {'type': 'object',
                         'x-providers': ['mistral'],
                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                 'openapi-public-doc.yaml @ '
                                                 '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                 '(2026-08-13): ThinkChunk (signature documented '
                                                 'cc58c118, 2026-06-16)'},
                         'required': ['type'],
                         'x-required-by': {'thinking': ['mistral']},
                         'properties': {'type': {'type': 'string', 'const': 'thinking'},
                                        'thinking': {'type': 'array',
                                                     'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                         {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                        'signature': {'type': 'string'},
                                        'closed': {'type': 'boolean'}}},
 'Tool': {'type': 'object',
          'x-source': {'mistral': 'mistralai/platform-docs-public openapi-public-doc.yaml @ '
                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b (2026-08-13): Tool, '
                                  'required [function]',
                       'gradient': 'digitalocean/openapi specification/resources/inference/models '
                                   '@ 1e369f038274a56089defdf852ea2851c8a03b0c (2026-03-25): '
                                   'chat_completion_tool.yml, required [type, function]',
                       'llama': 'meta-llama/llama-api-typescript src/resources/chat/completions.ts '
                                '@ 7e74206ac2bd4a489a1b17a08ec7b98e3093faff (2025-10-01): '
                                'CompletionCreateParams.Tool, function required'},
          'required': ['type', 'function'],
          'properties': {'type': {'type': 'string', 'const': 'function'},
                         'function': {'$ref': '#/components/schemas/FunctionDefinition'}}},
 'WebSearchTool': {'type': 'object',
                   'x-providers': ['mistral'],
                   'x-source': {'mistral': 'mistralai/platform-docs-public openapi-public-doc.yaml '
                                           '@ 50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                           '(2026-08-13): WebSearchTool'},
                   'required': ['type'],
                   'properties': {'type': {'type': 'string', 'const': 'web_search'},
                                  'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'WebSearchPremiumTool': {'type': 'object',
                          'x-providers': ['mistral'],
                          'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                  'openapi-public-doc.yaml @ '
                                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                  '(2026-08-13): WebSearchPremiumTool'},
                          'required': ['type'],
                          'properties': {'type': {'type': 'string', 'const': 'web_search_premium'},
                                         'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'CodeInterpreterTool': {'type': 'object',
                         'x-providers': ['mistral'],
                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                 'openapi-public-doc.yaml @ '
                                                 '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                 '(2026-08-13): CodeInterpreterTool'},
                         'required': ['type'],
                         'properties': {'type': {'type': 'string', 'const': 'code_interpreter'},
                                        'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'ImageGenerationTool': {'type': 'object',
                         'x-providers': ['mistral'],
                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                 'openapi-public-doc.yaml @ '
                                                 '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                 '(2026-08-13): ImageGenerationTool'},
                         'required': ['type'],
                         'properties': {'type': {'type': 'string', 'const': 'image_generation'},
                                        'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'DocumentLibraryTool': {'type': 'object',
                         'x-providers': ['mistral'],
                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                 'openapi-public-doc.yaml @ '
                                                 '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                 '(2026-08-13): DocumentLibraryTool, required '
                                                 '[library_ids]'},
                         'required': ['type', 'library_ids'],
                         'properties': {'type': {'type': 'string', 'const': 'document_library'},
                                        'library_ids': {'type': 'array',
                                                        'minItems': 1,
                                                        'items': {'type': 'string'}},
                                        'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'ConnectorTool': {'type': 'object',
                   'x-providers': ['mistral'],
                   'x-source': {'mistral': 'mistralai/platform-docs-public openapi-public-doc.yaml '
                                           '@ 50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                           '(2026-08-13): CustomConnector, required '
                                           '[connector_id]'},
                   'required': ['type', 'connector_id'],
                   'properties': {'type': {'type': 'string', 'const': 'connector'},
                                  'connector_id': {'type': 'string'},
                                  'authorization': {'oneOf': [{'$ref': '#/components/schemas/ConnectorOAuth2TokenAuth'},
                                                              {'$ref': '#/components/schemas/ConnectorApiKeyAuth'}]},
                                  'tool_configuration': {'$ref': '#/components/schemas/ToolConfiguration'}}},
 'ConnectorOAuth2TokenAuth': {'type': 'object',
                              'x-providers': ['mistral'],
                              'required': ['type', 'value'],
                              'properties': {'type': {'type': 'string', 'const': 'oauth2-token'},
                                             'value': {'type': 'string'}}},
 'ConnectorApiKeyAuth': {'type': 'object',
                         'x-providers': ['mistral'],
                         'required': ['type', 'value'],
                         'properties': {'type': {'type': 'string', 'const': 'api-key'},
                                        'value': {'type': 'string'}}},
 'ToolConfiguration': {'type': 'object',
                       'x-providers': ['mistral'],
                       'x-source': {'mistral': 'mistralai/platform-docs-public '
                                               'openapi-public-doc.yaml @ '
                                               '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                               '(2026-08-13): ToolConfiguration'},
                       'properties': {'include': {'type': 'array', 'items': {'type': 'string'}},
                                      'exclude': {'type': 'array', 'items': {'type': 'string'}},
                                      'requires_confirmation': {'type': 'array',
                                                                'items': {'type': 'string'}}}},
 'FunctionDefinition': {'type': 'object',
                        'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                'openapi-public-doc.yaml @ '
                                                '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                '(2026-08-13): Function, required [name, '
                                                'parameters]',
                                     'gradient': 'digitalocean/openapi '
                                                 'specification/resources/inference/models @ '
                                                 '1e369f038274a56089defdf852ea2851c8a03b0c '
                                                 '(2026-03-25): function_object.yml, required '
                                                 '[name]',
                                     'llama': 'meta-llama/llama-api-typescript '
                                              'src/resources/chat/completions.ts @ '
                                              '7e74206ac2bd4a489a1b17a08ec7b98e3093faff '
                                              '(2025-10-01): Tool.Function, name required'},
                        'required': ['name'],
                        'x-required-by': {'parameters': ['mistral']},
                        'properties': {'name': {'type': 'string',
                                                'pattern': '^[a-zA-Z0-9_-]+$',
                                                'maxLength': 64},
                                       'description': {'type': 'string'},
                                       'parameters': {'$ref': '#/components/schemas/FunctionParameters'},
                                       'strict': {'type': 'boolean'}}},
 'FunctionParameters': {'type': 'object', 'additionalProperties': True},
 'FunctionCall': {'type': 'object',
                  'required': ['name', 'arguments'],
                  'properties': {'name': {'type': 'string'},
                                 'arguments': {'x-json-string': True,
                                               'anyOf': [{'type': 'string'},
                                                         {'$ref': '#/components/schemas/FunctionArgumentsObject'}]}}},
 'FunctionArgumentsObject': {'type': 'object', 'additionalProperties': True},
 'ToolChoice': {'anyOf': [{'$ref': '#/components/schemas/ToolChoiceMode'},
                          {'$ref': '#/components/schemas/NamedToolChoice'}]},
 'ToolChoiceMode': {'type': 'string',
                    'enum': ['none', 'auto', 'required', 'any'],
                    'x-enum-providers': {'any': ['mistral']}},
 'NamedToolChoice': {'type': 'object',
                     'x-source': {'mistral': 'mistralai/platform-docs-public '
                                             'openapi-public-doc.yaml @ '
                                             '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                             '(2026-08-13): ToolChoice, required [function]; '
                                             'FunctionName, required [name]',
                                  'gradient': 'digitalocean/openapi '
                                              'specification/resources/inference/models @ '
                                              '1e369f038274a56089defdf852ea2851c8a03b0c '
                                              '(2026-03-25): chat_completion_request.yml '
                                              'tool_choice, named choice requires type and '
                                              'function',
                                  'llama': 'meta-llama/llama-api-typescript '
                                           'src/resources/chat/completions.ts @ '
                                           '7e74206ac2bd4a489a1b17a08ec7b98e3093faff (2025-10-01): '
                                           'ChatCompletionNamedToolChoice, function required'},
                     'required': ['type', 'function'],
                     'properties': {'type': {'type': 'string', 'const': 'function'},
                                    'function': {'$ref': '#/components/schemas/NamedToolChoiceFunction'}}},
 'NamedToolChoiceFunction': {'type': 'object',
                             'required': ['name'],
                             'properties': {'name': {'type': 'string'}}},
 'ResponseFormat': {'oneOf': [{'$ref': '#/components/schemas/ResponseFormatText'},
                              {'$ref': '#/components/schemas/ResponseFormatJsonObject'},
                              {'$ref': '#/components/schemas/ResponseFormatJsonSchema'}]},
 'ResponseFormatText': {'type': 'object',
                        'required': ['type'],
                        'properties': {'type': {'type': 'string', 'const': 'text'}}},
 'ResponseFormatJsonObject': {'type': 'object',
                              'x-providers': ['mistral'],
                              'required': ['type'],
                              'properties': {'type': {'type': 'string', 'const': 'json_object'}}},
 'ResponseFormatJsonSchema': {'type': 'object',
                              'required': ['type'],
                              'properties': {'type': {'type': 'string', 'const': 'json_schema'},
                                             'json_schema': {'$ref': '#/components/schemas/JsonSchemaFormat'}}},
 'JsonSchemaFormat': {'type': 'object',
                      'x-source': {'mistral': 'mistralai/platform-docs-public '
                                              'openapi-public-doc.yaml @ '
                                              '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                              '(2026-08-13): JsonSchema, required [name, schema]',
                                   'llama': 'meta-llama/llama-api-typescript '
                                            'src/resources/chat/completions.ts @ '
                                            '7e74206ac2bd4a489a1b17a08ec7b98e3093faff '
                                            '(2025-10-01): '
                                            'ResponseFormat.JsonSchemaResponseFormat.json_schema, '
                                            'name and schema required'},
                      'x-required-by': {'name': ['mistral', 'llama'],
                                        'schema': ['mistral', 'llama']},
                      'properties': {'name': {'type': 'string'},
                                     'description': {'type': 'string'},
                                     'schema': {'$ref': '#/components/schemas/JsonSchemaDefinition'},
                                     'strict': {'type': 'boolean'}}},
 'JsonSchemaDefinition': {'type': 'object', 'additionalProperties': True},
 'StreamOptions': {'type': 'object',
                   'x-providers': ['gradient'],
                   'properties': {'include_usage': {'type': 'boolean'}}},
 'Prediction': {'type': 'object',
                'x-providers': ['mistral'],
                'required': ['type'],
                'properties': {'type': {'type': 'string', 'const': 'content'},
                               'content': {'type': 'string'}}},
 'Metadata': {'type': 'object',
              'additionalProperties': True,
              'x-provider-limits': {'gradient': {'maxProperties': 16,
                                                 'propertyNames': {'maxLength': 64},
                                                 'additionalProperties': {'type': 'string',
                                                                          'maxLength': 512}}},
              'x-source': {'mistral': 'mistralai/platform-docs-public openapi-public-doc.yaml @ '
                                      '50c1afe7a5f9169264cacb8bb75937ca1c187d3b (2026-08-13): '
                                      'ChatCompletionRequest.metadata, object with '
                                      'additionalProperties true',
                           'gradient': 'digitalocean/openapi '
                                       'specification/resources/inference/models @ '
                                       '1e369f038274a56089defdf852ea2851c8a03b0c (2026-03-25): '
                                       'chat_completion_request.yml metadata, string values (16 '
                                       'pairs, 64/512 in prose)'}},
 'LogitBias': {'type': 'object',
               'additionalProperties': {'type': 'integer', 'minimum': -100, 'maximum': 100}},
 'ReasoningEffort': {'type': 'string',
                     'enum': ['none', 'minimal', 'low', 'medium', 'high', 'xhigh']},
 'RequestedServiceTier': {'type': 'string',
                          'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                  'openapi-public-doc.yaml @ '
                                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                  '(2026-08-13): RequestedServiceTier (50c1afe7, '
                                                  '2026-08-13)'},
                          'enum': ['auto', 'standard_only']},
 'GuardrailConfig': {'type': 'object',
                     'x-providers': ['mistral'],
                     'x-source': {'mistral': 'mistralai/platform-docs-public '
                                             'openapi-public-doc.yaml @ '
                                             '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                             '(2026-08-13): GuardrailConfig'},
                     'properties': {'block_on_error': {'type': 'boolean'},
                                    'moderation_llm_v1': {'$ref': '#/components/schemas/ModerationLlmV1Config'},
                                    'moderation_llm_v2': {'$ref': '#/components/schemas/ModerationLlmV2Config'}}},
 'ModerationLlmV1Config': {'type': 'object',
                           'x-providers': ['mistral'],
                           'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                   'openapi-public-doc.yaml @ '
                                                   '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                   '(2026-08-13): ModerationLLMV1Config'},
                           'properties': {'model_name': {'type': 'string'},
                                          'custom_category_thresholds': {'$ref': '#/components/schemas/ModerationLlmV1CategoryThresholds'},
                                          'ignore_other_categories': {'type': 'boolean'},
                                          'action': {'$ref': '#/components/schemas/ModerationLlmAction'}}},
 'ModerationLlmV2Config': {'type': 'object',
                           'x-providers': ['mistral'],
                           'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                   'openapi-public-doc.yaml @ '
                                                   '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                   '(2026-08-13): ModerationLLMV2Config (63c81ca6, '
                                                   '2026-03-17)'},
                           'properties': {'model_name': {'type': 'string'},
                                          'custom_category_thresholds': {'$ref': '#/components/schemas/ModerationLlmV2CategoryThresholds'},
                                          'ignore_other_categories': {'type': 'boolean'},
                                          'action': {'$ref': '#/components/schemas/ModerationLlmAction'}}},
 'ModerationLlmV1CategoryThresholds': {'type': 'object',
                                       'x-providers': ['mistral'],
                                       'properties': {'sexual': {'type': 'number'},
                                                      'hate_and_discrimination': {'type': 'number'},
                                                      'violence_and_threats': {'type': 'number'},
                                                      'dangerous_and_criminal_content': {'type': 'number'},
                                                      'selfharm': {'type': 'number'},
                                                      'health': {'type': 'number'},
                                                      'financial': {'type': 'number'},
                                                      'law': {'type': 'number'},
                                                      'pii': {'type': 'number'}}},
 'ModerationLlmV2CategoryThresholds': {'type': 'object',
                                       'x-providers': ['mistral'],
                                       'properties': {'sexual': {'type': 'number'},
                                                      'hate_and_discrimination': {'type': 'number'},
                                                      'violence_and_threats': {'type': 'number'},
                                                      'dangerous': {'type': 'number'},
                                                      'criminal': {'type': 'number'},
                                                      'selfharm': {'type': 'number'},
                                                      'health': {'type': 'number'},
                                                      'financial': {'type': 'number'},
                                                      'law': {'type': 'number'},
                                                      'pii': {'type': 'number'},
                                                      'jailbreaking': {'type': 'number'}}},
 'ModerationLlmAction': {'type': 'string', 'enum': ['none', 'block']},
 'PromptMode': {'type': 'string', 'enum': ['reasoning']},
 'FinishReason': {'type': 'string',
                  'enum': ['stop',
                           'length',
                           'tool_calls',
                           'content_filter',
                           'model_length',
                           'error',
                           'function_call']},
 'StopReason': {'type': 'string',
                'enum': ['stop',
                         'tool_calls',
                         'length',
                         'end_of_turn',
                         'end_of_message',
                         'out_of_tokens']},
 'ResponseRole': {'type': 'string', 'enum': ['assistant', 'tool', 'user', 'system', 'developer']},
 'ChatCompletionObjectType': {'type': 'string',
                              'enum': ['chat.completion', 'chat.completion.chunk']},
 'ServiceTier': {'type': 'string', 'enum': ['standard', 'priority']},
 'ModelCardType': {'type': 'string', 'enum': ['base', 'fine-tuned']},
 'MessageMetadata': {'type': 'object', 'additionalProperties': True},
 'LlamaEventType': {'type': 'string', 'enum': ['start', 'progress', 'complete', 'metrics']},
 'ChatCompletion': {'type': 'object',
                    'required': ['choices'],
                    'properties': {'id': {'type': 'string'},
                                   'object': {'anyOf': [{'$ref': '#/components/schemas/ChatCompletionObjectType'},
                                                        {'type': 'string'}]},
                                   'created': {'type': 'integer'},
                                   'model': {'type': 'string'},
                                   'choices': {'type': 'array',
                                               'items': {'$ref': '#/components/schemas/ChatCompletionChoice'}},
                                   'usage': {'$ref': '#/components/schemas/CompletionUsage'},
                                   'system_fingerprint': {'type': ['string', 'null']}}},
 'ChatCompletionChoice': {'type': 'object',
                          'required': ['index', 'finish_reason', 'logprobs', 'message'],
                          'properties': {'index': {'type': 'integer'},
                                         'finish_reason': {'anyOf': [{'$ref': '#/components/schemas/FinishReason'},
                                                                     {'type': 'string'},
                                                                     {'type': 'null'}]},
                                         'message': {'$ref': '#/components/schemas/ChatCompletionMessage'},
                                         'messages': {'type': 'array',
                                                      'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                              'openapi-public-doc.yaml '
                                                                              '@ '
                                                                              '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                              '(2026-08-13): '
                                                                              'ChatCompletionChoice.messages, '
                                                                              'DeltaMessage[] '
                                                                              '(cc58c118, '
                                                                              '2026-06-16)'},
                                                      'items': {'$ref': '#/components/schemas/ChatCompletionMessage'}},
                                         'logprobs': {'anyOf': [{'$ref': '#/components/schemas/ChoiceLogprobs'},
                                                                {'type': 'null'}]}}},
 'ChatCompletionMessage': {'type': 'object',
                           'required': ['content', 'refusal', 'reasoning_content'],
                           'properties': {'role': {'anyOf': [{'$ref': '#/components/schemas/ResponseRole'},
                                                             {'type': 'string'}]},
                                          'content': {'anyOf': [{'type': 'string'},
                                                                {'type': 'array',
                                                                 'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                                     {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                                     {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                                                     {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                                                {'type': 'null'}]},
                                          'refusal': {'type': ['string', 'null']},
                                          'reasoning_content': {'type': ['string', 'null']},
                                          'reasoning': {'type': ['string', 'null'],
                                                        'x-client-normalised': True},
                                          'parts': {'type': 'array',
                                                    'x-client-normalised': True,
                                                    'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                        {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                        {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                                        {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                          'index': {'type': ['integer', 'null'],
                                                    'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                            'openapi-public-doc.yaml '
                                                                            '@ '
                                                                            '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                            '(2026-08-13): '
                                                                            'DeltaMessage.index '
                                                                            '(integer >= 0 or '
                                                                            'null)'}},
                                          'tool_call_id': {'type': ['string', 'null'],
                                                           'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                                   'openapi-public-doc.yaml '
                                                                                   '@ '
                                                                                   '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                                   '(2026-08-13): '
                                                                                   'DeltaMessage.tool_call_id'}},
                                          'metadata': {'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                               'openapi-public-doc.yaml '
                                                                               '@ '
                                                                               '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                               '(2026-08-13): '
                                                                               'DeltaMessage.metadata'},
                                                       'anyOf': [{'$ref': '#/components/schemas/MessageMetadata'},
                                                                 {'type': 'null'}]},
                                          'tool_calls': {'type': 'array',
                                                         'items': {'$ref': '#/components/schemas/ChatCompletionMessageToolCall'}}}},
 'ChatCompletionMessageToolCall': {'type': 'object',
                                   'required': ['id', 'function'],
                                   'properties': {'id': {'type': 'string'},
                                                  'type': {'type': 'string'},
                                                  'function': {'$ref': '#/components/schemas/FunctionCall'}}},
 'ChoiceLogprobs': {'type': 'object',
                    'required': ['content', 'refusal'],
                    'properties': {'content': {'anyOf': [{'type': 'array',
                                                          'items': {'$ref': '#/components/schemas/TokenLogprob'}},
                                                         {'type': 'null'}]},
                                   'refusal': {'anyOf': [{'type': 'array',
                                                          'items': {'$ref': '#/components/schemas/TokenLogprob'}},
                                                         {'type': 'null'}]}}},
 'TokenLogprob': {'type': 'object',
                  'required': ['token', 'logprob', 'bytes'],
                  'properties': {'token': {'type': 'string'},
                                 'logprob': {'type': 'number'},
                                 'bytes': {'anyOf': [{'type': 'array',
                                                      'items': {'type': 'integer'}},
                                                     {'type': 'null'}]},
                                 'top_logprobs': {'type': 'array',
                                                  'items': {'$ref': '#/components/schemas/TopLogprob'}}}},
 'TopLogprob': {'type': 'object',
                'required': ['token', 'logprob', 'bytes'],
                'properties': {'token': {'type': 'string'},
                               'logprob': {'type': 'number'},
                               'bytes': {'anyOf': [{'type': 'array', 'items': {'type': 'integer'}},
                                                   {'type': 'null'}]}}},
 'CompletionUsage': {'type': 'object',
                     'required': ['prompt_tokens', 'completion_tokens', 'total_tokens'],
                     'properties': {'prompt_tokens': {'type': 'integer'},
                                    'completion_tokens': {'type': 'integer'},
                                    'total_tokens': {'type': 'integer'},
                                    'cache_created_input_tokens': {'type': 'integer'},
                                    'cache_read_input_tokens': {'type': 'integer'},
                                    'cache_creation': {'$ref': '#/components/schemas/CacheCreation'},
                                    'prompt_audio_seconds': {'type': ['number', 'null']},
                                    'prompt_tokens_details': {'$ref': '#/components/schemas/PromptTokensDetails'},
                                    'completion_tokens_details': {'$ref': '#/components/schemas/CompletionTokensDetails'},
                                    'service_tier': {'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                             'openapi-public-doc.yaml '
                                                                             '@ '
                                                                             '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                             '(2026-08-13): '
                                                                             'UsageInfo.service_tier, '
                                                                             'ServiceTier '
                                                                             '(50c1afe7, '
                                                                             '2026-08-13)'},
                                                     'anyOf': [{'$ref': '#/components/schemas/ServiceTier'},
                                                               {'type': 'string'},
                                                               {'type': 'null'}]}}},
 'PromptTokensDetails': {'type': 'object',
                         'properties': {'cached_tokens': {'type': 'integer',
                                                          'x-client-normalised': True,
                                                          'x-filled-from': ['usage.prompt_tokens_details.cached_tokens '
                                                                            '(Mistral, vLLM, '
                                                                            'llama.cpp, OpenAI)',
                                                                            'usage.cache_read_input_tokens '
                                                                            '(Gradient)',
                                                                            'usage.prompt_cache_hit_tokens '
                                                                            '(DeepSeek-style '
                                                                            'servers)',
                                                                            'timings.cache_n '
                                                                            "(llama.cpp's own "
                                                                            'timings, when usage '
                                                                            'has no details)']},
                                        'cache_write_tokens': {'type': 'integer',
                                                               'x-client-normalised': True,
                                                               'x-filled-from': ['usage.prompt_tokens_details.cache_write_tokens',
                                                                                 'usage.cache_created_input_tokens '
                                                                                 '(Gradient)',
                                                                                 'usage.cache_creation.ephemeral_5m_input_tokens '
                                                                                 '+ '
                                                                                 'ephemeral_1h_input_tokens '
                                                                                 '(Gradient)']},
                                        'audio_tokens': {'type': 'integer'}}},
 'CompletionTokensDetails': {'type': 'object',
                             'properties': {'reasoning_tokens': {'type': 'integer',
                                                                 'x-client-normalised': True,
                                                                 'x-filled-from': ['usage.completion_tokens_details.reasoning_tokens '
                                                                                   '(OpenAI-style, '
                                                                                   'DeepSeek, '
                                                                                   'vLLM)',
                                                                                   'usage.reasoning_tokens '
                                                                                   '(servers that '
                                                                                   'put it at the '
                                                                                   'top of '
                                                                                   'usage)']},
                                            'audio_tokens': {'type': 'integer'}}},
 'CacheCreation': {'type': 'object',
                   'properties': {'ephemeral_5m_input_tokens': {'type': 'integer'},
                                  'ephemeral_1h_input_tokens': {'type': 'integer'}}},
 'LlamaChatCompletion': {'type': 'object',
                         'required': ['completion_message'],
                         'properties': {'id': {'type': 'string'},
                                        'completion_message': {'$ref': '#/components/schemas/LlamaCompletionMessage'},
                                        'metrics': {'type': 'array',
                                                    'items': {'$ref': '#/components/schemas/LlamaMetric'}}}},
 'LlamaCompletionMessage': {'type': 'object',
                            'properties': {'role': {'anyOf': [{'$ref': '#/components/schemas/ResponseRole'},
                                                              {'type': 'string'}]},
                                           'content': {'anyOf': [{'type': 'string'},
                                                                 {'$ref': '#/components/schemas/LlamaTextContent'}]},
                                           'stop_reason': {'anyOf': [{'$ref': '#/components/schemas/StopReason'},
                                                                     {'type': 'string'}]},
                                           'tool_calls': {'type': 'array',
                                                          'items': {'$ref': '#/components/schemas/LlamaToolCall'}}}},
 'LlamaTextContent': {'type': 'object',
                      'required': ['type'],
                      'properties': {'type': {'type': 'string', 'const': 'text'},
                                     'text': {'type': 'string'}}},
 'LlamaToolCall': {'type': 'object',
                   'required': ['id', 'function'],
                   'properties': {'id': {'type': 'string'},
                                  'function': {'$ref': '#/components/schemas/FunctionCall'}}},
 'LlamaMetric': {'type': 'object',
                 'properties': {'metric': {'type': 'string'},
                                'value': {'type': 'number'},
                                'unit': {'type': 'string'}}},
 'ChatCompletionChunk': {'type': 'object',
                         'required': ['choices', 'usage'],
                         'properties': {'id': {'type': 'string'},
                                        'object': {'anyOf': [{'$ref': '#/components/schemas/ChatCompletionObjectType'},
                                                             {'type': 'string'}]},
                                        'created': {'type': 'integer'},
                                        'model': {'type': 'string'},
                                        'choices': {'type': 'array',
                                                    'items': {'$ref': '#/components/schemas/ChatCompletionChunkChoice'}},
                                        'usage': {'anyOf': [{'$ref': '#/components/schemas/CompletionUsage'},
                                                            {'type': 'null'}]},
                                        'system_fingerprint': {'type': ['string', 'null']}}},
 'ChatCompletionChunkChoice': {'type': 'object',
                               'required': ['index', 'delta', 'finish_reason', 'logprobs'],
                               'properties': {'index': {'type': 'integer'},
                                              'delta': {'$ref': '#/components/schemas/ChoiceDelta'},
                                              'finish_reason': {'anyOf': [{'$ref': '#/components/schemas/FinishReason'},
                                                                          {'type': 'string'},
                                                                          {'type': 'null'}]},
                                              'logprobs': {'anyOf': [{'$ref': '#/components/schemas/ChoiceLogprobs'},
                                                                     {'type': 'null'}]}}},
 'ChoiceDelta': {'type': 'object',
                 'required': ['content'],
                 'properties': {'role': {'anyOf': [{'$ref': '#/components/schemas/ResponseRole'},
                                                   {'type': 'string'}]},
                                'content': {'anyOf': [{'type': 'string'},
                                                      {'type': 'array',
                                                       'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                                           {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                                           {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                                           {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                                      {'type': 'null'}]},
                                'reasoning_content': {'type': ['string', 'null']},
                                'reasoning': {'type': ['string', 'null'],
                                              'x-client-normalised': True},
                                'parts': {'type': 'array',
                                          'x-client-normalised': True,
                                          'items': {'anyOf': [{'$ref': '#/components/schemas/TextContentPart'},
                                                              {'$ref': '#/components/schemas/ImageUrlContentPart'},
                                                              {'$ref': '#/components/schemas/ThinkingContentPart'},
                                                              {'$ref': '#/components/schemas/OpaqueContentPart'}]}},
                                'refusal': {'type': ['string', 'null']},
                                'index': {'type': ['integer', 'null'],
                                          'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                  'openapi-public-doc.yaml @ '
                                                                  '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                  '(2026-08-13): '
                                                                  'DeltaMessage.index (integer >= '
                                                                  '0 or null)'}},
                                'tool_call_id': {'type': ['string', 'null'],
                                                 'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                         'openapi-public-doc.yaml '
                                                                         '@ '
                                                                         '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                         '(2026-08-13): '
                                                                         'DeltaMessage.tool_call_id'}},
                                'metadata': {'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                                     'openapi-public-doc.yaml @ '
                                                                     '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                                                     '(2026-08-13): '
                                                                     'DeltaMessage.metadata'},
                                             'anyOf': [{'$ref': '#/components/schemas/MessageMetadata'},
                                                       {'type': 'null'}]},
                                'tool_calls': {'type': 'array',
                                               'items': {'$ref': '#/components/schemas/ToolCallDelta'}}}},
 'ToolCallDelta': {'type': 'object',
                   'required': ['index'],
                   'properties': {'index': {'type': ['integer', 'null']},
                                  'id': {'type': 'string'},
                                  'type': {'type': 'string'},
                                  'function': {'$ref': '#/components/schemas/FunctionCallDelta'}}},
 'FunctionCallDelta': {'type': 'object',
                       'properties': {'name': {'type': 'string'},
                                      'arguments': {'anyOf': [{'type': 'string'},
                                                              {'$ref': '#/components/schemas/FunctionArgumentsObject'}]}}},
 'LlamaChatCompletionChunk': {'type': 'object',
                              'required': ['event'],
                              'properties': {'id': {'type': 'string'},
                                             'event': {'$ref': '#/components/schemas/LlamaStreamEvent'}}},
 'LlamaStreamEvent': {'type': 'object',
                      'required': ['event_type'],
                      'properties': {'event_type': {'anyOf': [{'$ref': '#/components/schemas/LlamaEventType'},
                                                              {'type': 'string'}]},
                                     'delta': {'oneOf': [{'$ref': '#/components/schemas/LlamaTextDelta'},
                                                         {'$ref': '#/components/schemas/LlamaToolCallDelta'}]},
                                     'stop_reason': {'anyOf': [{'$ref': '#/components/schemas/StopReason'},
                                                               {'type': 'string'}]},
                                     'metrics': {'type': 'array',
                                                 'items': {'$ref': '#/components/schemas/LlamaMetric'}}}},
 'LlamaTextDelta': {'type': 'object',
                    'required': ['type'],
                    'properties': {'type': {'type': 'string', 'const': 'text'},
                                   'text': {'type': 'string'}}},
 'LlamaToolCallDelta': {'type': 'object',
                        'required': ['type'],
                        'properties': {'type': {'type': 'string', 'const': 'tool_call'},
                                       'id': {'type': 'string'},
                                       'function': {'$ref': '#/components/schemas/FunctionCallDelta'}}},
 'ModelList': {'type': 'object',
               'required': ['data'],
               'properties': {'object': {'type': 'string'},
                              'data': {'type': 'array',
                                       'items': {'$ref': '#/components/schemas/Model'}}}},
 'Model': {'type': 'object',
           'required': ['id'],
           'properties': {'id': {'type': 'string'},
                          'object': {'type': 'string'},
                          'created': {'type': 'integer'},
                          'owned_by': {'type': 'string'},
                          'type': {'anyOf': [{'$ref': '#/components/schemas/ModelCardType'},
                                             {'type': 'string'}]},
                          'name': {'type': ['string', 'null']},
                          'description': {'type': ['string', 'null']},
                          'capabilities': {'$ref': '#/components/schemas/ModelCapabilities'},
                          'max_context_length': {'type': 'integer'},
                          'aliases': {'type': 'array', 'items': {'type': 'string'}},
                          'deprecation': {'type': ['string', 'null'], 'format': 'date-time'},
                          'deprecation_replacement_model': {'type': ['string', 'null']},
                          'default_model_temperature': {'type': ['number', 'null']}},
           'x-source': {'mistral': 'mistralai/platform-docs-public openapi-public-doc.yaml @ '
                                   '50c1afe7a5f9169264cacb8bb75937ca1c187d3b (2026-08-13): '
                                   'BaseModelCard, FTModelCard'}},
 'ModelCapabilities': {'type': 'object',
                       'x-source': {'mistral': 'mistralai/platform-docs-public '
                                               'openapi-public-doc.yaml @ '
                                               '50c1afe7a5f9169264cacb8bb75937ca1c187d3b '
                                               '(2026-08-13): ModelCapabilities'},
                       'properties': {'completion_chat': {'type': 'boolean'},
                                      'function_calling': {'type': 'boolean'},
                                      'reasoning': {'type': 'boolean'},
                                      'completion_fim': {'type': 'boolean'},
                                      'fine_tuning': {'type': 'boolean'},
                                      'vision': {'type': 'boolean'},
                                      'ocr': {'type': 'boolean'},
                                      'classification': {'type': 'boolean'},
                                      'moderation': {'type': 'boolean'},
                                      'audio': {'type': 'boolean'},
                                      'audio_transcription': {'type': 'boolean'},
                                      'audio_transcription_realtime': {'type': 'boolean'},
                                      'audio_speech': {'type': 'boolean'},
                                      'unified_resources': {'type': 'boolean'}}},
 'ErrorResponse': {'type': 'object',
                   'additionalProperties': True,
                   'properties': {'message': {'type': 'string'},
                                  'error': {'anyOf': [{'type': 'string'},
                                                      {'$ref': '#/components/schemas/ErrorDetail'}]},
                                  'detail': {'anyOf': [{'type': 'string'},
                                                       {'type': 'array',
                                                        'items': {'$ref': '#/components/schemas/ValidationErrorItem'}}]},
                                  'title': {'type': 'string'},
                                  'id': {'type': 'string'},
                                  'request_id': {'type': 'string'},
                                  'object': {'type': 'string'},
                                  'type': {'type': 'string'},
                                  'code': {'anyOf': [{'type': 'string'},
                                                     {'type': 'integer'},
                                                     {'type': 'null'}]},
                                  'param': {'type': ['string', 'null']}}},
 'ErrorDetail': {'type': 'object',
                 'additionalProperties': True,
                 'properties': {'message': {'type': 'string'},
                                'type': {'type': 'string'},
                                'code': {'anyOf': [{'type': 'string'},
                                                   {'type': 'integer'},
                                                   {'type': 'null'}]},
                                'param': {'type': ['string', 'null']}}},
 'ValidationErrorItem': {'type': 'object',
                         'additionalProperties': True,
                         'properties': {'loc': {'type': 'array',
                                                'items': {'anyOf': [{'type': 'string'},
                                                                    {'type': 'integer'}]}},
                                        'msg': {'type': 'string'},
                                        'type': {'type': 'string'}}},
 'MistralUploadFileRequest': {'type': 'object',
                              'x-providers': ['mistral'],
                              'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                      'openapi-public-doc.yaml @ '
                                                      '222f4ba9114f84ce9f2d718b9a12fbac1e527f4b: '
                                                      'POST /v1/files MultiPartBodyParams; limits: '
                                                      'its description (512 MB) and '
                                                      'public/studio-api/batch-processing.md (1 '
                                                      'million requests)'},
                              'x-batch-file-limits': {'max_requests': 1000000,
                                                      'max_bytes': 536870912},
                              'required': ['file'],
                              'properties': {'file': {'type': 'string', 'format': 'binary'},
                                             'purpose': {'$ref': '#/components/schemas/MistralFilePurpose'}}},
 'MistralFilePurpose': {'type': 'string', 'enum': ['fine-tune', 'batch', 'ocr']},
 'MistralFile': {'type': 'object',
                 'required': ['id'],
                 'properties': {'id': {'type': 'string'},
                                'object': {'type': 'string'},
                                'bytes': {'type': ['integer', 'null']},
                                'created_at': {'type': 'integer'},
                                'filename': {'type': 'string'},
                                'purpose': {'type': 'string'},
                                'num_lines': {'type': ['integer', 'null']}}},
 'MistralBatchRequest': {'type': 'object',
                         'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                 'openapi-public-doc.yaml @ '
                                                 '222f4ba9114f84ce9f2d718b9a12fbac1e527f4b: '
                                                 'components.schemas.BatchRequest; '
                                                 'public/studio-api/batch-processing.md'},
                         'required': ['body'],
                         'properties': {'custom_id': {'type': ['string', 'null']},
                                        'body': {'$ref': '#/components/schemas/BatchRequestBody'}}},
 'BatchRequestBody': {'type': 'object', 'additionalProperties': True},
 'MistralBatchMetadata': {'type': 'object',
                          'propertyNames': {'minLength': 1, 'maxLength': 32},
                          'additionalProperties': {'type': 'string',
                                                   'minLength': 1,
                                                   'maxLength': 512}},
 'GradientBatchMetadata': {'type': 'object', 'additionalProperties': {'type': 'string'}},
 'MistralCreateBatchJobRequest': {'type': 'object',
                                  'x-providers': ['mistral'],
                                  'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                          'openapi-public-doc.yaml @ '
                                                          '222f4ba9114f84ce9f2d718b9a12fbac1e527f4b: '
                                                          'components.schemas.CreateBatchJobRequest'},
                                  'required': ['endpoint'],
                                  'properties': {'input_files': {'type': 'array',
                                                                 'items': {'type': 'string'}},
                                                 'requests': {'type': 'array',
                                                              'maxItems': 10000,
                                                              'items': {'$ref': '#/components/schemas/MistralBatchRequest'}},
                                                 'endpoint': {'type': 'string',
                                                              'enum': ['/v1/chat/completions',
                                                                       '/v1/embeddings',
                                                                       '/v1/fim/completions',
                                                                       '/v1/moderations',
                                                                       '/v1/chat/moderations',
                                                                       '/v1/ocr',
                                                                       '/v1/classifications',
                                                                       '/v1/chat/classifications',
                                                                       '/v1/conversations',
                                                                       '/v1/audio/transcriptions']},
                                                 'model': {'type': 'string'},
                                                 'agent_id': {'type': 'string'},
                                                 'metadata': {'$ref': '#/components/schemas/MistralBatchMetadata'},
                                                 'timeout_hours': {'type': 'integer',
                                                                   'minimum': 1,
                                                                   'maximum': 168}}},
 'MistralBatchJobStatus': {'type': 'string',
                           'x-source': {'mistral': 'mistralai/platform-docs-public '
                                                   'openapi-public-doc.yaml @ '
                                                   '222f4ba9114f84ce9f2d718b9a12fbac1e527f4b: '
                                                   'components.schemas.BatchJobStatus'},
                           'x-terminal': ['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'],
                           'x-succeeded': 'SUCCESS',
                           'enum': ['QUEUED',
                                    'RUNNING',
                                    'SUCCESS',
                                    'FAILED',
                                    'TIMEOUT_EXCEEDED',
                                    'CANCELLATION_REQUESTED',
                                    'CANCELLED']},
 'MistralBatchError': {'type': 'object',
                       'required': ['message'],
                       'properties': {'message': {'type': 'string'}, 'count': {'type': 'integer'}}},
 'MistralBatchJob': {'type': 'object',
                     'x-source': {'mistral': 'mistralai/platform-docs-public '
                                             'openapi-public-doc.yaml @ '
                                             '222f4ba9114f84ce9f2d718b9a12fbac1e527f4b: '
                                             'components.schemas.BatchJob'},
                     'required': ['id', 'status'],
                     'properties': {'id': {'type': 'string'},
                                    'object': {'type': 'string'},
                                    'input_files': {'type': 'array', 'items': {'type': 'string'}},
                                    'metadata': {'type': ['object', 'null'],
                                                 'additionalProperties': True},
                                    'endpoint': {'type': 'string'},
                                    'model': {'type': ['string', 'null']},
                                    'agent_id': {'type': ['string', 'null']},
                                    'output_file': {'type': ['string', 'null']},
                                    'error_file': {'type': ['string', 'null']},
                                    'errors': {'type': 'array',
                                               'items': {'$ref': '#/components/schemas/MistralBatchError'}},
                                    'status': {'anyOf': [{'$ref': '#/components/schemas/MistralBatchJobStatus'},
                                                         {'type': 'string'}]},
                                    'created_at': {'type': 'integer'},
                                    'total_requests': {'type': 'integer'},
                                    'completed_requests': {'type': 'integer'},
                                    'succeeded_requests': {'type': 'integer'},
                                    'failed_requests': {'type': 'integer'},
                                    'started_at': {'type': ['integer', 'null']},
                                    'completed_at': {'type': ['integer', 'null']}}},
 'MistralBatchJobList': {'type': 'object',
                         'properties': {'object': {'type': 'string'},
                                        'data': {'type': 'array',
                                                 'items': {'$ref': '#/components/schemas/MistralBatchJob'}},
                                        'total': {'type': 'integer'}}},
 'GradientBatchFileCreateRequest': {'type': 'object',
                                    'x-providers': ['gradient'],
                                    'x-source': {'gradient': 'digitalocean/openapi '
                                                             'specification/resources/inference/models/batch_file_create_request.yml '
                                                             '@ '
                                                             '7c1300c479fed9c353cda9fc21cd968619552304; '
                                                             'limits: '
                                                             'docs.digitalocean.com/products/inference/how-to/use-batch-inference/ '
                                                             '(validated 14 May 2026)'},
                                    'x-batch-file-limits': {'max_requests': 50000,
                                                            'max_bytes': 200000000},
                                    'required': ['file_name'],
                                    'properties': {'file_name': {'type': 'string',
                                                                 'minLength': 7,
                                                                 'pattern': '.+\\.[Jj][Ss][Oo][Nn][Ll]$'}}},
 'GradientBatchFile': {'type': 'object',
                       'x-source': {'gradient': 'digitalocean/openapi '
                                                'specification/resources/inference/models/batch_file_create_response.yml '
                                                'and inference_upload_batch_file.yml @ '
                                                '7c1300c479fed9c353cda9fc21cd968619552304'},
                       'required': ['file_id', 'upload_url'],
                       'properties': {'file_id': {'type': 'string'},
                                      'upload_url': {'type': 'string', 'format': 'uri'},
                                      'expires_at': {'type': ['string', 'null'],
                                                     'format': 'date-time'}}},
 'GradientBatchInputLine': {'type': 'object',
                            'x-source': {'gradient': 'digitalocean/openapi '
                                                     'specification/resources/inference/models/batch_create_request.yml '
                                                     '@ 7c1300c479fed9c353cda9fc21cd968619552304 '
                                                     '(provider openai: custom_id, method, url, '
                                                     'body)'},
                            'required': ['custom_id', 'method', 'url', 'body'],
                            'properties': {'custom_id': {'type': 'string', 'minLength': 1},
                                           'method': {'type': 'string', 'enum': ['POST']},
                                           'url': {'type': 'string',
                                                   'enum': ['/v1/chat/completions',
                                                            '/v1/responses']},
                                           'body': {'$ref': '#/components/schemas/BatchRequestBody'}}},
 'GradientCreateBatchRequest': {'type': 'object',
                                'x-providers': ['gradient'],
                                'x-source': {'gradient': 'digitalocean/openapi '
                                                         'specification/resources/inference/models/batch_create_request.yml '
                                                         '@ '
                                                         '7c1300c479fed9c353cda9fc21cd968619552304'},
                                'required': ['file_id',
                                             'provider',
                                             'completion_window',
                                             'request_id'],
                                'properties': {'file_id': {'type': 'string'},
                                               'provider': {'type': 'string',
                                                            'enum': ['openai', 'anthropic']},
                                               'endpoint': {'type': 'string',
                                                            'enum': ['/v1/responses',
                                                                     '/v1/chat/completions']},
                                               'completion_window': {'type': 'string',
                                                                     'enum': ['24h']},
                                               'request_id': {'type': 'string'},
                                               'metadata': {'$ref': '#/components/schemas/GradientBatchMetadata'}}},
 'GradientBatchStatus': {'type': 'string',
                         'x-source': {'gradient': 'digitalocean/openapi '
                                                  'specification/resources/inference/models/batch.yml '
                                                  '@ 7c1300c479fed9c353cda9fc21cd968619552304 '
                                                  '(status)'},
                         'x-terminal': ['completed', 'failed', 'expired', 'cancelled'],
                         'x-succeeded': 'completed',
                         'enum': ['validating',
                                  'in_progress',
                                  'finalizing',
                                  'completed',
                                  'failed',
                                  'expired',
                                  'cancelling',
                                  'cancelled']},
 'GradientBatchRequestCounts': {'type': 'object',
                                'properties': {'total': {'type': 'integer'},
                                               'completed': {'type': 'integer'},
                                               'failed': {'type': 'integer'}}},
 'GradientBatchError': {'type': 'object',
                        'properties': {'code': {'type': 'string'},
                                       'message': {'type': 'string'},
                                       'line': {'type': ['integer', 'null']}}},
 'GradientBatch': {'type': 'object',
                   'x-source': {'gradient': 'digitalocean/openapi '
                                            'specification/resources/inference/models/batch.yml @ '
                                            '7c1300c479fed9c353cda9fc21cd968619552304'},
                   'required': ['batch_id', 'status'],
                   'properties': {'batch_id': {'type': 'string'},
                                  'status': {'anyOf': [{'$ref': '#/components/schemas/GradientBatchStatus'},
                                                       {'type': 'string'}]},
                                  'provider': {'type': 'string'},
                                  'endpoint': {'type': ['string', 'null']},
                                  'completion_window': {'type': 'string'},
                                  'input_file_id': {'type': 'string'},
                                  'output_file_id': {'type': ['string', 'null']},
                                  'error_file_id': {'type': ['string', 'null']},
                                  'request_counts': {'$ref': '#/components/schemas/GradientBatchRequestCounts'},
                                  'request_id': {'type': ['string', 'null']},
                                  'metadata': {'type': ['object', 'null'],
                                               'additionalProperties': {'type': 'string'}},
                                  'errors': {'type': ['array', 'null'],
                                             'items': {'$ref': '#/components/schemas/GradientBatchError'}},
                                  'created_at': {'type': 'string'},
                                  'in_progress_at': {'type': ['string', 'null']},
                                  'completed_at': {'type': ['string', 'null']},
                                  'expires_at': {'type': ['string', 'null']},
                                  'cancelled_at': {'type': ['string', 'null']},
                                  'failed_at': {'type': ['string', 'null']}}},
 'GradientBatchList': {'type': 'object',
                       'required': ['data'],
                       'properties': {'object': {'type': 'string'},
                                      'data': {'type': 'array',
                                               'items': {'$ref': '#/components/schemas/GradientBatch'}},
                                      'first_id': {'type': ['string', 'null']},
                                      'last_id': {'type': ['string', 'null']},
                                      'has_more': {'type': 'boolean'}}},
 'GradientBatchResults': {'type': 'object',
                          'x-source': {'gradient': 'digitalocean/openapi '
                                                   'specification/resources/inference/models/batch_results_response.yml '
                                                   '@ 7c1300c479fed9c353cda9fc21cd968619552304'},
                          'required': ['result_available'],
                          'properties': {'batch_id': {'type': 'string'},
                                         'result_available': {'type': 'boolean'},
                                         'output_file_url': {'type': ['string', 'null']},
                                         'error_file_url': {'type': ['string', 'null']},
                                         'expires_at': {'type': ['string', 'null']}}}}

QUERY_PARAMETERS: dict[str, dict[str, Any]] = {'get /models': {'provider': {'type': 'string', 'x-providers': ['mistral']},
                 'model': {'type': 'string', 'x-providers': ['mistral']}},
 'get /batch/jobs': {'page': {'type': 'integer', 'minimum': 0},
                     'page_size': {'type': 'integer', 'minimum': 1},
                     'model': {'type': 'string'},
                     'created_after': {'type': 'string'},
                     'created_by_me': {'type': 'boolean'},
                     'status': {'type': 'array',
                                'items': {'$ref': '#/components/schemas/MistralBatchJobStatus'}},
                     'order_by': {'type': 'string', 'enum': ['created', '-created']}},
 'get /batches': {'after': {'type': 'string'},
                  'limit': {'type': 'integer', 'minimum': 1, 'maximum': 100},
                  'status': {'$ref': '#/components/schemas/GradientBatchStatus'}}}

OPERATION_PROVIDERS: dict[str, list[str]] = {'post /files': ['mistral'],
 'get /files/{file_id}/content': ['mistral'],
 'post /batch/jobs': ['mistral'],
 'get /batch/jobs': ['mistral'],
 'get /batch/jobs/{job_id}': ['mistral'],
 'post /batch/jobs/{job_id}/cancel': ['mistral'],
 'post /batches/files': ['gradient'],
 'post /batches': ['gradient'],
 'get /batches': ['gradient'],
 'get /batches/{batch_id}': ['gradient'],
 'get /batches/{batch_id}/results': ['gradient'],
 'post /batches/{batch_id}/cancel': ['gradient']}

RATE_LIMIT_HEADERS: dict[str, dict[str, Any]] = {'x-ratelimit-limit-requests': {'field': 'limit_requests', 'format': 'count'},
 'x-ratelimit-remaining-requests': {'field': 'remaining_requests', 'format': 'count'},
 'x-ratelimit-reset-requests': {'field': 'reset_requests', 'format': 'reset'},
 'x-ratelimit-limit-tokens': {'field': 'limit_tokens', 'format': 'count'},
 'x-ratelimit-remaining-tokens': {'field': 'remaining_tokens', 'format': 'count'},
 'x-ratelimit-reset-tokens': {'field': 'reset_tokens', 'format': 'reset'},
 'x-ratelimit-limit-req-minute': {'field': 'limit_requests', 'format': 'count'},
 'x-ratelimit-remaining-req-minute': {'field': 'remaining_requests', 'format': 'count'},
 'x-ratelimit-limit-tokens-minute': {'field': 'limit_tokens', 'format': 'count'},
 'x-ratelimit-remaining-tokens-minute': {'field': 'remaining_tokens', 'format': 'count'},
 'x-ratelimit-limit-tokens-month': {'field': 'limit_tokens_month', 'format': 'count'},
 'x-ratelimit-remaining-tokens-month': {'field': 'remaining_tokens_month', 'format': 'count'},
 'ratelimit-limit': {'field': 'limit_requests', 'format': 'count'},
 'ratelimit-remaining': {'field': 'remaining_requests', 'format': 'count'},
 'ratelimit-reset': {'field': 'reset_requests', 'format': 'reset'},
 'x-ratelimit-reset': {'field': 'reset_requests', 'format': 'reset'},
 'retry-after-ms': {'field': 'retry_after', 'format': 'milliseconds'},
 'retry-after': {'field': 'retry_after', 'format': 'reset'}}
