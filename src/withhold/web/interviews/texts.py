"""The words of the browser interview: the texts both faces share (:data:`withhold.interview.bank.UI`),
with the browser's own added, and one replaced. The page form (``interviews/_page_form.html``) is shown to
a client on their own phone too: plain words, no codes."""

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
        en="Decision support, not legal advice. Your answers are saved on every page.",
        es="Apoyo para tomar decisiones, no asesoría legal. Sus respuestas se guardan en cada página.",
    ),
    "answer_label": Localized(en="Your answer", es="Su respuesta"),
    # The terminal's wording asks for numbers typed with commas; in the browser they are ticked.
    "choose_several": Localized(en="You can choose several.", es="Puede elegir varias."),
    # Pages of several questions.
    "skip": Localized(en="Skip for now", es="Saltar por ahora"),
    "skip_note": Localized(
        en="“Skip for now” keeps what you answered on this page and leaves the rest for later. "
        "You can come back to it at the end.",
        es="“Saltar por ahora” guarda lo que respondió en esta página y deja el resto para después. "
        "Puede volver a ello al final.",
    ),
    "blank": Localized(
        en="Please answer this question, or choose “I don't know”.",
        es="Por favor responda esta pregunta, o elija “No sé”.",
    ),
    "both": Localized(
        en="You gave an answer and also chose “I don't know”: please keep only one.",
        es="Usted dio una respuesta y también eligió “No sé”: por favor deje solo una.",
    ),
    "page_errors_one": Localized(
        en="One question needs your attention (nothing on this page was saved yet):",
        es="Una pregunta necesita su atención (todavía no se guardó nada de esta página):",
    ),
    "page_errors": Localized(
        en="{n} questions need your attention (nothing on this page was saved yet):",
        es="{n} preguntas necesitan su atención (todavía no se guardó nada de esta página):",
    ),
    "choose_country": Localized(en="Choose a country", es="Elija un país"),
    "country_label": Localized(en="Country", es="País"),
    "back_page": Localized(en="Back", es="Volver"),
    "first_page": Localized(
        en="This is the first page: there is nothing to go back to.",
        es="Esta es la primera página: no hay ninguna anterior.",
    ),
    "stale_page": Localized(
        en="The case changed since this page was shown; here are the questions to answer now.",
        es="El caso cambió desde que se mostró esta página; estas son las preguntas que tocan ahora.",
    ),
    # Who is interviewed.
    "audience_label": Localized(en="Who answers", es="Quién responde"),
    "audience_client": Localized(en="Interview the client", es="Entrevistar al cliente"),
    "audience_attorney": Localized(en="Attorney interview", es="Entrevista del abogado"),
    "audience_client_note": Localized(
        en="Questions a person can answer about themselves and their story, in plain words. "
        "Legal assessments are left for the findings review.",
        es="Preguntas que una persona puede responder sobre sí misma y su historia, en palabras sencillas. "
        "Las evaluaciones legales se dejan para la revisión de evaluaciones.",
    ),
    "audience_attorney_note": Localized(
        en="Everything that can still change a result, legal assessments included, the most decisive first.",
        es="Todo lo que todavía puede cambiar un resultado, evaluaciones legales incluidas, "
        "primero lo más decisivo.",
    ),
    # The end of the interview.
    "skipped_one": Localized(en="You skipped 1 question for now.", es="Usted saltó 1 pregunta por ahora."),
    "skipped_n": Localized(
        en="You skipped {n} questions for now.", es="Usted saltó {n} preguntas por ahora."
    ),
    "done_client": Localized(
        en="That is every question for the client for now. The answers are saved.",
        es="Esas son todas las preguntas para el cliente por ahora. Las respuestas están guardadas.",
    ),
    "come_back": Localized(en="Answer the questions you skipped", es="Responder las preguntas que saltó"),
    "come_back_one": Localized(en="Answer the question you skipped", es="Responder la pregunta que saltó"),
}
