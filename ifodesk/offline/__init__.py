"""The laptop side of offline work (issue 12), free of Qt and of the database layer.

store:   the encrypted file holding the local copy (never plain text on disk)
intents: what an offline change is (a service call with its values and base), as JSON
merge:   per-field three-way comparison (mine / theirs / base)
"""
