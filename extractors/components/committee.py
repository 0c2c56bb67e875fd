"""Recogniser for committee mentions (placeholder: being written)."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("esg_committee", default_config={"lang": "zh"})
def make_committee(nlp: Language, name: str, lang: str):
    return lambda doc: doc
