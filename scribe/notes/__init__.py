"""The documentation engine: transcript → consultation model → verified facts → note, patient summary
and assistant context. Pure stages over typed values (scribe.schemas_docs); no web, queue or SQL here.
Entry points: scribe.notes.engine.document() and ask()."""
