"""Offline exchange between offices: packages a township sends up and the county sends down.

package   the file: addressed, numbered, compressed, checksummed
versions  version vectors: which of two versions includes the other, without clocks
kinds     what travels, in which order, and which township a record belongs to
exchange  making a package and merging one (inside an operation: operations.packages)
conflicts both versions of a record changed on both sides, and settling them
"""
