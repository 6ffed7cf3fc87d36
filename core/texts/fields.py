"""Texts of text fields with a length limit (said in the field's help, and when a longer text was cut)."""

TEXTS = {
    "fields.limit": ("Al massimo {max} caratteri.", "Up to {max} characters."),
    "fields.limit_after": ("{example} (al massimo {max} caratteri)", "{example} (up to {max} characters)"),
    "fields.cut": (
        "«{field}»: tenuti i primi {max} caratteri dei {length} scritti o incollati; il campo ne accetta al "
        "massimo {max}.",
        "“{field}”: kept the first {max} of the {length} characters typed or pasted; this field takes up to {max}.",
    ),
}
