"""The Qt-free core: storage, rules, validation, letters, reports. Never imports PySide6."""
