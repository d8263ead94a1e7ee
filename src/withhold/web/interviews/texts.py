"""The words of the browser interview: the texts both faces share (:data:`withhold.interview.bank.UI`),
with the browser's own added, and one replaced."""

from withhold.interview.bank import DONT_KNOW, UI
from withhold.language import Localized

TEXTS: dict[str, Localized] = {
    **UI,
    "dont_know": DONT_KNOW,
    "title": Localized(en="Guided interview", es="Entrevista guiada"),
    "next": Localized(en="Save and continue", es="Guardar y seguir"),
    "back_button": Localized(en="Back", es="Volver"),
    "stale": Localized(
        en="The case changed since this question was shown; here is the question to answer now.",
        es="El caso cambió desde que se mostró esta pregunta; esta es la pregunta que toca ahora.",
    ),
    "none_of_these": Localized(en="None of these", es="Ninguna de estas"),
    "progress_label": Localized(en="Progress", es="Progreso"),
    "to_case": Localized(en="Open the case page", es="Abrir la página del caso"),
    "disclaimer": Localized(
        en="Decision support, not legal advice. Each answer is saved as soon as you give it.",
        es="Apoyo para tomar decisiones, no asesoría legal. Cada respuesta se guarda en cuanto la da.",
    ),
    "answer_label": Localized(en="Your answer", es="Su respuesta"),
    # The terminal's wording asks for numbers typed with commas; in the browser they are ticked.
    "choose_several": Localized(en="You can choose several.", es="Puede elegir varias."),
}
