"""The workbook's measures: how each figure is counted, so anyone can reproduce it.

The Definitioner sheet is written from ``MEASURES``, so what is counted and what is described
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """One figure in the workbook: how it is counted, so anyone can reproduce it."""

    id: str
    name: str
    sheet: str
    counts: str  # what is counted (Swedish)
    period_rule: str  # which rows fall in the period (Swedish)
    unit: str  # antal | andel | dagar
    breakdown: str = ""  # gender and age rule, where used


_AGE_RULE = ("Ålder på den dag anmälan kom in (svensk tid); barn 0–17 år, 18–20 år redovisas för sig. "
             "Kön enligt personnumrets näst sista siffra (jämn = flicka/kvinna); utan personnummer "
             "registrerat kön, annars ”Okänt kön”.")
_GENDER_RULE = ("Kön enligt personnumrets näst sista siffra (jämn = flicka/kvinna); utan personnummer "
                "registrerat kön, annars ”Okänt kön”.")
_PERSON_AGE_RULE = ("Ålder = uppnådd ålder under periodens sista kalenderår. Kön enligt "
                    "personnumrets näst sista siffra; utan personnummer registrerat kön.")

MEASURES: tuple[Measure, ...] = (
    Measure("anm_antal", "Anmälningar", "Anmälningar",
            "Inkomna anmälningar (en anmälan räknas en gång även om den gäller flera barn).",
            "Mottagningstiden (svensk tid) ligger i perioden.", "antal"),
    Measure("anm_barn", "Anmälningar räknade per barn", "Anmälningar",
            "Barn i inkomna anmälningar: en anmälan om två syskon räknas två gånger. Varje barn "
            "får en egen förhandsbedömning.", "Mottagningstiden ligger i perioden.", "antal",
            _AGE_RULE),
    Measure("anm_unika_barn", "Unika barn", "Anmälningar",
            "Olika barn som någon anmälan i perioden gällde.", "Mottagningstiden ligger i perioden.",
            "antal"),
    Measure("anm_anmalare", "Anmälningar per anmälarkategori", "Anmälningar",
            "Anmälningar per anmälarens kategori (kommunens kategorilista för anmälare).",
            "Mottagningstiden ligger i perioden.", "antal"),
    Measure("anm_anledning", "Anmälningar per anledning", "Anmälningar",
            "Anmälningar som anger anledningen. En anmälan kan ange flera anledningar, så "
            "summan kan bli större än antalet anmälningar.", "Mottagningstiden ligger i perioden.",
            "antal"),
    Measure("anm_anledning_grupp", "Anmälningar per huvudgrupp av anledning", "Anmälningar",
            "Anmälningar som anger minst en anledning i gruppen (Socialstyrelsens huvudnivå).",
            "Mottagningstiden ligger i perioden.", "antal"),
    Measure("anm_alder_kon", "Anmälningar räknade per barn efter ålder och kön", "Anmälningar",
            "Som ”Anmälningar räknade per barn”, fördelat på åldersgrupp och kön.",
            "Mottagningstiden ligger i perioden.", "antal", _AGE_RULE),
    Measure("anm_manad", "Anmälningar per månad", "Sammanfattning",
            "Inkomna anmälningar per kalendermånad.", "Mottagningstiden ligger i månaden.", "antal"),
    Measure("fb_beslutade", "Beslutade förhandsbedömningar", "Förhandsbedömningar",
            "Förhandsbedömningar (en per barn och anmälan) med beslut om att inleda, inte inleda "
            "eller att utredning redan pågår.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_utfall", "Förhandsbedömningar per utfall", "Förhandsbedömningar",
            "Beslutade förhandsbedömningar per utfall.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_inom_frist", "Andel förhandsbedömningar inom 14 dagar", "Förhandsbedömningar",
            "Andel beslutade förhandsbedömningar där beslutet fattades senast fristens sista dag "
            "(mottagningsdagen + 14 dagar enligt ifodesks fristregel för förhandsbedömning).",
            "Beslutsdatum ligger i perioden.", "andel"),
    Measure("fb_median", "Median antal dagar till beslut", "Förhandsbedömningar",
            "Median av dagar från mottagningsdag till beslutsdag.", "Beslutsdatum ligger i perioden.",
            "dagar"),
    Measure("fb_medel", "Medelvärde antal dagar till beslut", "Förhandsbedömningar",
            "Medelvärde av dagar från mottagningsdag till beslutsdag.",
            "Beslutsdatum ligger i perioden.", "dagar"),
    Measure("fb_synnerliga", "Förhandsbedömningar med synnerliga skäl", "Förhandsbedömningar",
            "Beslutade förhandsbedömningar där synnerliga skäl för längre tid dokumenterats.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("fb_inledda", "Påbörjade förhandsbedömningar", "Förhandsbedömningar",
            "Förhandsbedömningar som påbörjades (anmälan kom in).", "Startdatum ligger i perioden.",
            "antal"),
    Measure("fb_pagaende_slut", "Pågående förhandsbedömningar vid periodens slut",
            "Förhandsbedömningar", "Påbörjade senast periodens sista dag och inte beslutade då.",
            "Läget periodens sista dag.", "antal"),
    Measure("ut_inledda", "Inledda utredningar", "Utredningar", "Utredningar som inleddes.",
            "Startdatum ligger i perioden.", "antal", _GENDER_RULE),
    Measure("ut_avslutade", "Avslutade utredningar", "Utredningar", "Utredningar som avslutades.",
            "Avslutsdatum ligger i perioden.", "antal", _GENDER_RULE),
    Measure("ut_utfall", "Avslutade utredningar per utfall", "Utredningar",
            "Avslutade utredningar per utfall (insats, utan insats, ansökan enligt LVU …).",
            "Avslutsdatum ligger i perioden.", "antal"),
    Measure("ut_median", "Median utredningstid (dagar)", "Utredningar",
            "Median av dagar från start till avslut för avslutade utredningar.",
            "Avslutsdatum ligger i perioden.", "dagar"),
    Measure("ut_medel", "Medelvärde utredningstid (dagar)", "Utredningar",
            "Medelvärde av dagar från start till avslut för avslutade utredningar.",
            "Avslutsdatum ligger i perioden.", "dagar"),
    Measure("ut_inom_frist", "Andel utredningar inom 4 månader", "Utredningar",
            "Andel avslutade utredningar som avslutades senast startdagen + 4 kalendermånader "
            "(ifodesks fristregel för utredning; förlängning räknas inte som inom fristen – se ”Inom 4 månader” under Gemensamma regler).",
            "Avslutsdatum ligger i perioden.", "andel"),
    Measure("ut_forlangda", "Avslutade utredningar som förlängts", "Utredningar",
            "Avslutade utredningar med minst ett beslut om förlängd utredningstid.",
            "Avslutsdatum ligger i perioden.", "antal"),
    Measure("ut_forlangningsbeslut", "Beslut om förlängd utredningstid", "Utredningar",
            "Beslut om förlängning (särskilda skäl).", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("ut_pagaende_slut", "Pågående utredningar vid periodens slut", "Utredningar",
            "Inledda senast periodens sista dag och inte avslutade då.", "Läget periodens sista dag.",
            "antal"),
    Measure("besl_antal", "Fattade beslut", "Beslut", "Beslut med status beslutad.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_mall", "Beslut per beslutsmall", "Beslut",
            "Fattade beslut per beslutsmall.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_lagrum", "Beslut per lagrum", "Beslut",
            "Fattade beslut som åberopar lagrummet. Ett beslut kan åberopa flera lagrum.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_niva", "Beslut per beslutsnivå", "Beslut",
            "Fattade beslut per beslutsfattarens nivå i delegationsordningen.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("besl_vag", "Beslut i utskott jämfört med delegation", "Beslut",
            "Fattade beslut efter väg: delegationsbeslut (tjänsteman), utskott/nämnd, "
            "brådskande beslut av ordförande.", "Beslutsdatum ligger i perioden.", "antal"),
    Measure("ins_paborjade", "Påbörjade insatser", "Insatser och placeringar",
            "Insatser per typ och lagrum (SoL/LVU/LVM) som började.", "Startdatum ligger i perioden.",
            "antal"),
    Measure("ins_avslutade", "Avslutade insatser", "Insatser och placeringar",
            "Insatser som avslutades.", "Slutdatum ligger i perioden.", "antal"),
    Measure("ins_pagaende", "Insatser under perioden", "Insatser och placeringar",
            "Insatser som pågick någon dag i perioden.",
            "Start senast periodens sista dag och slut tidigast periodens första dag (eller inget slut).",
            "antal"),
    Measure("ins_personer", "Personer med insats under perioden", "Insatser och placeringar",
            "Olika personer med insatsen någon dag i perioden.", "Som ”Insatser under perioden”.",
            "antal", _PERSON_AGE_RULE),
    Measure("ins_varddygn", "Vårddygn", "Insatser och placeringar",
            "Dygn i placering (familjehem, jourhem, HVB, stödboende, nätverkshem, vård enligt LVU eller LVM) inom perioden: "
            "startdag till och med slutdag, avgränsat till perioden.", "Dygn inom perioden.", "dagar"),
    Measure("ins_placerade_barn", "Barn 0–20 år i placering", "Insatser och placeringar",
            "Olika barn och unga (0–20 år) med placering någon dag i perioden.",
            "Som ”Insatser under perioden”.", "antal", _PERSON_AGE_RULE),
    Measure("ins_placerade_slut", "Placerade barn 0–20 år vid periodens slut", "Insatser och placeringar",
            "Olika barn och unga (0–20 år) i placering periodens sista dag.",
            "Läget periodens sista dag.", "antal", _PERSON_AGE_RULE),
    Measure("ins_oppenvard", "Öppenvård barn och unga 0–20 år per slag", "Insatser och placeringar",
            "Olika barn och unga (0–20 år) med öppenvård enligt SoL någon dag i perioden, per slag som "
            "Socialstyrelsens mängdstatistik räknar: strukturerade öppenvårdsprogram, behovsprövat "
            "personligt stöd, kontaktperson/-familj, särskilt kvalificerad kontaktperson, övrig öppenvård. "
            "Ett barn med flera slag räknas under varje slag.",
            "Som ”Insatser under perioden”.", "antal", _PERSON_AGE_RULE),
    Measure("ins_ateraktualisering", "Barn och unga som inte återaktualiserats inom ett år",
            "Insatser och placeringar",
            "RKA Kvalitet i IFO: barn 0–12 och unga 13–20 år vars utredning avslutades utan insats eller "
            "vars sista insats avslutades under basåret (de tolv månader som slutar ett år före periodens "
            "sista dag), och hur många av dem som inte fick en ny anmälan eller en ny utredning inom ett år "
            "(365 dagar) efter avslutet. Ensamkommande barn ska enligt RKA inte ingå men registreras inte i "
            "ifodesk. Definitionen är ifodesks tolkning [I] och ska jämföras med RKA:s anvisningar.",
            "Avslutsdatum i basåret; uppföljning ett år efter avslutet.", "andel",
            "Ålder = uppnådd ålder under avslutets kalenderår."),
    Measure("lag_beslut", "Beslut enligt LVU och LVM", "LVU och LVM",
            "Fattade beslut som åberopar ett lagrum i LVU respektive LVM, per beslutsmall.",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("lag_bradskande", "Brådskande beslut enligt LVU och LVM", "LVU och LVM",
            "Fattade beslut enligt LVU/LVM som markerats brådskande (ordförandebeslut).",
            "Beslutsdatum ligger i perioden.", "antal"),
    Measure("lag_personer", "Personer med vård enligt LVU och LVM", "LVU och LVM",
            "Olika personer med insats enligt LVU respektive LVM någon dag i perioden, per "
            "åldersgrupp och kön.", "Som ”Insatser under perioden”.", "antal", _PERSON_AGE_RULE),
    Measure("lag_personer_slut", "Personer med vård enligt LVU och LVM vid periodens slut",
            "LVU och LVM", "Olika personer med insats enligt LVU respektive LVM periodens sista dag.",
            "Läget periodens sista dag.", "antal"),
    Measure("tid_frister", "Tidsfrister hållna och missade", "Tidsbevakning",
            "Tidsfrister per enhet och slag: hållen = åtgärden gjord senast sista dagen; missad = "
            "gjord efter sista dagen, eller inte gjord och sista dagen har passerat (räknat den "
            "dag arbetsboken skapas); ej förfallen = inte gjord och sista dagen har inte kommit.",
            "Fristens sista dag ligger i perioden.", "antal"),
    Measure("tid_andel_hallna", "Andel hållna tidsfrister", "Tidsbevakning",
            "Hållna delat med hållna + missade.", "Fristens sista dag ligger i perioden.", "andel"),
)


def measure(measure_id: str) -> Measure:
    for m in MEASURES:
        if m.id == measure_id:
            return m
    raise KeyError(f"Okänt mått: {measure_id!r}")



__all__ = ["Measure", "MEASURES", "measure"]
