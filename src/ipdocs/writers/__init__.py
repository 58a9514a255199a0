"""Writers: a document tree and a theme in, file bytes out. They never see the model."""
