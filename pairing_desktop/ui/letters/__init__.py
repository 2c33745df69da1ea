"""The 目标 and 责任书 tabs and their dialogs (preview, print, batch, sign); thin over
`core.rules.targets` and `core.letters`."""
