"""The code of plain records' ``__init__``, by number of fields and frozenness
(``records._template``). Made by ``python -m ipdocs.base.records``: do not edit."""

# mypy: ignore-errors
# (templates: their parameters are named when a record takes them)


def _plain_0(__record_setattr__):
    def __init__(
            self,
    ):
        pass
    return __init__


def _frozen_0(__record_setattr__):
    def __init__(
            self,
    ):
        pass
    return __init__


def _plain_1(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
    ):
        self.__record_field_0__ = __record_field_0__
    return __init__


def _frozen_1(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
    return __init__


def _plain_2(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
    return __init__


def _frozen_2(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
    return __init__


def _plain_3(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
    return __init__


def _frozen_3(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
    return __init__


def _plain_4(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
    return __init__


def _frozen_4(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
    return __init__


def _plain_5(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
    return __init__


def _frozen_5(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
    return __init__


def _plain_6(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
    return __init__


def _frozen_6(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
    return __init__


def _plain_7(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
    return __init__


def _frozen_7(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
    return __init__


def _plain_8(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
    return __init__


def _frozen_8(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
    return __init__


def _plain_9(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
    return __init__


def _frozen_9(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
    return __init__


def _plain_10(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
    return __init__


def _frozen_10(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
    return __init__


def _plain_11(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
    return __init__


def _frozen_11(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
    return __init__


def _plain_12(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
    return __init__


def _frozen_12(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
    return __init__


def _plain_13(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
    return __init__


def _frozen_13(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
    return __init__


def _plain_14(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
    return __init__


def _frozen_14(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
    return __init__


def _plain_15(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
    return __init__


def _frozen_15(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
    return __init__


def _plain_16(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
    return __init__


def _frozen_16(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
    return __init__


def _plain_17(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
    return __init__


def _frozen_17(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
    return __init__


def _plain_18(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
    return __init__


def _frozen_18(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
    return __init__


def _plain_19(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
    return __init__


def _frozen_19(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
    return __init__


def _plain_20(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
        self.__record_field_19__ = __record_field_19__
    return __init__


def _frozen_20(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
        __record_setattr__(self, '__record_field_19__', __record_field_19__)
    return __init__


def _plain_21(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
        self.__record_field_19__ = __record_field_19__
        self.__record_field_20__ = __record_field_20__
    return __init__


def _frozen_21(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
        __record_setattr__(self, '__record_field_19__', __record_field_19__)
        __record_setattr__(self, '__record_field_20__', __record_field_20__)
    return __init__


def _plain_22(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
        self.__record_field_19__ = __record_field_19__
        self.__record_field_20__ = __record_field_20__
        self.__record_field_21__ = __record_field_21__
    return __init__


def _frozen_22(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
        __record_setattr__(self, '__record_field_19__', __record_field_19__)
        __record_setattr__(self, '__record_field_20__', __record_field_20__)
        __record_setattr__(self, '__record_field_21__', __record_field_21__)
    return __init__


def _plain_23(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
            __record_field_22__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
        self.__record_field_19__ = __record_field_19__
        self.__record_field_20__ = __record_field_20__
        self.__record_field_21__ = __record_field_21__
        self.__record_field_22__ = __record_field_22__
    return __init__


def _frozen_23(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
            __record_field_22__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
        __record_setattr__(self, '__record_field_19__', __record_field_19__)
        __record_setattr__(self, '__record_field_20__', __record_field_20__)
        __record_setattr__(self, '__record_field_21__', __record_field_21__)
        __record_setattr__(self, '__record_field_22__', __record_field_22__)
    return __init__


def _plain_24(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
            __record_field_22__,
            __record_field_23__,
    ):
        self.__record_field_0__ = __record_field_0__
        self.__record_field_1__ = __record_field_1__
        self.__record_field_2__ = __record_field_2__
        self.__record_field_3__ = __record_field_3__
        self.__record_field_4__ = __record_field_4__
        self.__record_field_5__ = __record_field_5__
        self.__record_field_6__ = __record_field_6__
        self.__record_field_7__ = __record_field_7__
        self.__record_field_8__ = __record_field_8__
        self.__record_field_9__ = __record_field_9__
        self.__record_field_10__ = __record_field_10__
        self.__record_field_11__ = __record_field_11__
        self.__record_field_12__ = __record_field_12__
        self.__record_field_13__ = __record_field_13__
        self.__record_field_14__ = __record_field_14__
        self.__record_field_15__ = __record_field_15__
        self.__record_field_16__ = __record_field_16__
        self.__record_field_17__ = __record_field_17__
        self.__record_field_18__ = __record_field_18__
        self.__record_field_19__ = __record_field_19__
        self.__record_field_20__ = __record_field_20__
        self.__record_field_21__ = __record_field_21__
        self.__record_field_22__ = __record_field_22__
        self.__record_field_23__ = __record_field_23__
    return __init__


def _frozen_24(__record_setattr__):
    def __init__(
            self,
            __record_field_0__,
            __record_field_1__,
            __record_field_2__,
            __record_field_3__,
            __record_field_4__,
            __record_field_5__,
            __record_field_6__,
            __record_field_7__,
            __record_field_8__,
            __record_field_9__,
            __record_field_10__,
            __record_field_11__,
            __record_field_12__,
            __record_field_13__,
            __record_field_14__,
            __record_field_15__,
            __record_field_16__,
            __record_field_17__,
            __record_field_18__,
            __record_field_19__,
            __record_field_20__,
            __record_field_21__,
            __record_field_22__,
            __record_field_23__,
    ):
        __record_setattr__(self, '__record_field_0__', __record_field_0__)
        __record_setattr__(self, '__record_field_1__', __record_field_1__)
        __record_setattr__(self, '__record_field_2__', __record_field_2__)
        __record_setattr__(self, '__record_field_3__', __record_field_3__)
        __record_setattr__(self, '__record_field_4__', __record_field_4__)
        __record_setattr__(self, '__record_field_5__', __record_field_5__)
        __record_setattr__(self, '__record_field_6__', __record_field_6__)
        __record_setattr__(self, '__record_field_7__', __record_field_7__)
        __record_setattr__(self, '__record_field_8__', __record_field_8__)
        __record_setattr__(self, '__record_field_9__', __record_field_9__)
        __record_setattr__(self, '__record_field_10__', __record_field_10__)
        __record_setattr__(self, '__record_field_11__', __record_field_11__)
        __record_setattr__(self, '__record_field_12__', __record_field_12__)
        __record_setattr__(self, '__record_field_13__', __record_field_13__)
        __record_setattr__(self, '__record_field_14__', __record_field_14__)
        __record_setattr__(self, '__record_field_15__', __record_field_15__)
        __record_setattr__(self, '__record_field_16__', __record_field_16__)
        __record_setattr__(self, '__record_field_17__', __record_field_17__)
        __record_setattr__(self, '__record_field_18__', __record_field_18__)
        __record_setattr__(self, '__record_field_19__', __record_field_19__)
        __record_setattr__(self, '__record_field_20__', __record_field_20__)
        __record_setattr__(self, '__record_field_21__', __record_field_21__)
        __record_setattr__(self, '__record_field_22__', __record_field_22__)
        __record_setattr__(self, '__record_field_23__', __record_field_23__)
    return __init__
