"""Writers: a document tree and a theme in, file bytes out. They never see the model."""


class RenderWarning(UserWarning):
    """Something a writer tells about a file it made (the file is made all the same).
    Builds collect these and report them with the file."""
