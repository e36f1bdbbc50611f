from django.core.exceptions import ValidationError

from giamngheo.domain.citizen_id import CitizenIdError, citizen_id_parse


def validate_citizen_id(value: str) -> None:
    try:
        citizen_id_parse(value)
    except CitizenIdError as error:
        raise ValidationError(error.reason, code="citizen_id") from error
