"""The picture of the model on the results page: the two axes, the five levels
along the diagonal between them, and the department's place from its answers.

Drawn by the server as inline SVG. Every coordinate leaves here as a string
with a '.' decimal point: a number rendered by a template would be localised
("12,5" in Dutch), which SVG does not read.
"""

from dataclasses import dataclass
from decimal import Decimal

from maturity.services import HIGHEST, ModelPosition

WIDTH, HEIGHT = 460, 360
LEFT, TOP, SIZE = 70, 20, 280  # the plotting square


def _coordinate(value) -> str:
    return f"{float(value):.1f}"


def _x(position: Decimal | int) -> float:
    return LEFT + (float(position) - 1) / (HIGHEST - 1) * SIZE


def _y(position: Decimal | int) -> float:
    return TOP + SIZE - (float(position) - 1) / (HIGHEST - 1) * SIZE


@dataclass(frozen=True)
class Marker:
    number: int
    name: str
    x: str
    y: str
    number_y: str
    label_x: str
    label_y: str
    anchor: str
    reached: bool


def model_picture(position: ModelPosition, levels: dict) -> dict:
    """Everything the template needs to draw the picture, as strings."""
    markers = []
    for number in range(1, HIGHEST + 1):
        x, y = _x(number), _y(number)
        # Labels right of the diagonal for the lower levels, left of it for the
        # top two, so none runs off the picture.
        right = number <= 3
        level = levels.get(number)
        markers.append(
            Marker(
                number=number,
                name=level.text("name") if level else "",
                x=_coordinate(x),
                y=_coordinate(y),
                number_y=_coordinate(y + 4.5),
                label_x=_coordinate(x + 18 if right else x - 18),
                label_y=_coordinate(y + 5),
                anchor="start" if right else "end",
                reached=number <= position.level,
            )
        )
    dot_x, dot_y = _x(position.drive.value), _y(position.focus.value)
    return {
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "view_box": f"0 0 {WIDTH} {HEIGHT}",
        "left": str(LEFT),
        "top": str(TOP),
        "right": str(LEFT + SIZE),
        "bottom": str(TOP + SIZE),
        "size": str(SIZE),
        "markers": markers,
        "dot_x": _coordinate(dot_x),
        "dot_y": _coordinate(dot_y),
        "axis_y_label_x": str(LEFT - 22),
        "middle_y": _coordinate(TOP + SIZE / 2),
        "middle_x": _coordinate(LEFT + SIZE / 2),
        "x_label_y": str(TOP + SIZE + 26),
        "x_title_y": str(TOP + SIZE + 48),
    }
