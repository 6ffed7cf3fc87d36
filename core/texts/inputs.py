"""Texts of the input boxes: a text field's length limit, said before and after typing (ui.fields)."""

TEXTS = {
    "input.limit": ("Al massimo {max} caratteri.", "Up to {max} characters."),
    "input.limit_after": ("{example} (al massimo {max} caratteri)", "{example} (up to {max} characters)"),
    "input.cut": (
        "«{field}»: tenuti i primi {max} caratteri dei {length} scritti o incollati; il campo ne accetta al "
        "massimo {max}.",
        "“{field}”: kept the first {max} of the {length} characters typed or pasted; this field takes up to {max}.",
    ),
}
