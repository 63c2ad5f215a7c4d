<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name>AccessReasonDialog</name>
    <message>
        <location filename="../../ifodesk/ui/access_dialog.py" line="+47" />
        <source>Skäl för att läsa</source>
        <translation>Skäl för att läsa</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Skäl</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+1" />
        <source>T.ex. jourärende: barnet placerades akut i natt</source>
        <translation>T.ex. jourärende: barnet placerades akut i natt</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Skälet och din läsning loggas och granskas i loggkontrollen.</source>
        <translation>Skälet och din läsning loggas och granskas i loggkontrollen.</translation>
    </message>
</context>
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../ifodesk/ui/decision/editor_actions.py" line="+20" />
        <source>Arbetar …</source>
        <translation>Arbetar …</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Beslutet är fattat.</source>
        <translation>Beslutet är fattat.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Förslaget är skickat för godkännande.</source>
        <translation>Förslaget är skickat för godkännande.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Förslaget är skickat brådskande till ordföranden.</source>
        <translation>Förslaget är skickat brådskande till ordföranden.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Utkastet är makulerat.</source>
        <translation>Utkastet är makulerat.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Inget planerat sammanträde – skapa ett under IU-sammanträden</source>
        <translation>Inget planerat sammanträde – skapa ett under IU-sammanträden</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Lägger på föredragningslistan …</source>
        <translation>Lägger på föredragningslistan …</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Förslaget står på föredragningslistan.</source>
        <translation>Förslaget står på föredragningslistan.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Beslutsbrev %1</source>
        <translation>Beslutsbrev %1</translation>
    </message>
</context>
<context>
    <name>AddressReasonDialog</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/header.py" line="+36" />
        <source>Personen har skyddade personuppgifter. Adressen visas bara om du anger varför du behöver den.</source>
        <translation>Personen har skyddade personuppgifter. Adressen visas bara om du anger varför du behöver den.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Skyddad adress</source>
        <translation>Skyddad adress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skäl att visa adressen</source>
        <translation>Skäl att visa adressen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>T.ex. hembesök enligt utredningsplanen</source>
        <translation>T.ex. hembesök enligt utredningsplanen</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <location filename="../../ifodesk/ui/pages/admin.py" line="+26" />
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Användarnamn</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delegationsnivå</source>
        <translation>Delegationsnivå</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enheter</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anställd sedan</source>
        <translation>Anställd sedan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Socionom</source>
        <translation>Socionom</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Erfarenhet</source>
        <translation>Erfarenhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tillräcklig erfarenhet: nämndens bedömning för förhandsbedömning, utredning och uppföljning i barnärenden (socionomkravet i SoL)</source>
        <translation>Tillräcklig erfarenhet: nämndens bedömning för förhandsbedömning, utredning och uppföljning i barnärenden (socionomkravet i SoL)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Brådskande beslut</source>
        <translation>Brådskande beslut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ordförande</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Förordnad</source>
        <translation>Förordnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Får fatta brådskande beslut när nämndens beslut inte kan avvaktas (ordföranden eller en ledamot som nämnden förordnat)</source>
        <translation>Får fatta brådskande beslut när nämndens beslut inte kan avvaktas (ordföranden eller en ledamot som nämnden förordnat)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Aktiv</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärendeserie</source>
        <translation>Ärendeserie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Typ</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Mall</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lagrum</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lägsta beslutsnivå</source>
        <translation>Lägsta beslutsnivå</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bara utskottet</source>
        <translation>Bara utskottet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+108" />
        <source>(kan inte läsas)</source>
        <translation>(kan inte läsas)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location line="-92" />
        <location line="+19" />
        <source>Delegationsordning</source>
        <translation>Delegationsordning</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+14" />
        <source>Användare</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Ändra &amp;förordnande och erfarenhet …</source>
        <translation>Ändra &amp;förordnande och erfarenhet …</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+1" />
        <source>Enheter</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+1" />
        <source>Beslutsmallar</source>
        <translation>Beslutsmallar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Administration&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visning. Ändringar görs av systemansvarig med ifodesk-admin eller i de granskade filerna under resources/. Nämndens förordnanden för brådskande beslut och bedömningen av erfarenhet förs in på fliken Användare.</source>
        <translation>Visning. Ändringar görs av systemansvarig med ifodesk-admin eller i de granskade filerna under resources/. Nämndens förordnanden för brådskande beslut och bedömningen av erfarenhet förs in på fliken Användare.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Bara systemansvarig eller IFO-chef för in nämndens beslut om användare.</source>
        <translation>Bara systemansvarig eller IFO-chef för in nämndens beslut om användare.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Välj en användare i listan.</source>
        <translation>Välj en användare i listan.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Uppgifterna för %1 är sparade.</source>
        <translation>Uppgifterna för %1 är sparade.</translation>
    </message>
</context>
<context>
    <name>AnmalanDialog</name>
    <message>
        <location filename="../../ifodesk/ui/anmalan_dialog.py" line="+54" />
        <location line="+262" />
        <source>Ny anmälan</source>
        <translation>Ny anmälan</translation>
    </message>
    <message>
        <location line="-243" />
        <source>Mottagen datum och tid</source>
        <translation>Mottagen datum och tid</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kanal</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälarkategori</source>
        <translation>Anmälarkategori</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anmälarens namn</source>
        <translation>Anmälarens namn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälarens organisation</source>
        <translation>Anmälarens organisation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälarens kontaktuppgift</source>
        <translation>Anmälarens kontaktuppgift</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälaren är a&amp;nonym</source>
        <translation>Anmälaren är a&amp;nonym</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälaren är anonym</source>
        <translation>Anmälaren är anonym</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vill ha återko&amp;ppling</source>
        <translation>Vill ha återko&amp;ppling</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Motta&amp;gen:</source>
        <translation>Motta&amp;gen:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Anm&amp;älare:</source>
        <translation>Anm&amp;älare:</translation>
    </message>
    <message>
        <location line="+163" />
        <source>Osparad anmälan från %1 återställd</source>
        <translation>Osparad anmälan från %1 återställd</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Skyddade personuppgifter: inget utkast sparas på datorn</source>
        <translation>Skyddade personuppgifter: inget utkast sparas på datorn</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Utkast sparat på datorn %1, inte registrerat än</source>
        <translation>Utkast sparat på datorn %1, inte registrerat än</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Anmälan är inte registrerad. Vad vill du göra med det du skrivit?</source>
        <translation>Anmälan är inte registrerad. Vad vill du göra med det du skrivit?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stäng och spara &amp;utkast</source>
        <translation>Stäng och spara &amp;utkast</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Kasta anmälan</source>
        <translation>&amp;Kasta anmälan</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Fortsätt skriva</source>
        <translation>&amp;Fortsätt skriva</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Ett sparat utkast kommer tillbaka nästa gång du väljer Ny anmälan.</source>
        <translation>Ett sparat utkast kommer tillbaka nästa gång du väljer Ny anmälan.</translation>
    </message>
    <message>
        <location line="-244" />
        <source>Anmälaren vill ha återkoppling</source>
        <translation>Anmälaren vill ha återkoppling</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anledningar (mellanslag kryssar)</source>
        <translation>Anledningar (mellanslag kryssar)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Vad anmälan gäller</source>
        <translation>Vad anmälan gäller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Lägg till barn (Ctrl+B)</source>
        <translation>&amp;Lägg till barn (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Registrera</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Enhet:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Kanal:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Na&amp;mn:</source>
        <translation>Na&amp;mn:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kon&amp;takt:</source>
        <translation>Kon&amp;takt:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Anledning:</source>
        <translation>&amp;Anledning:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Beskrivning:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&lt;b&gt;Barn som anmälan gäller&lt;/b&gt; – ett barn per rad; syskon får var sin förhandsbedömning</source>
        <translation>&lt;b&gt;Barn som anmälan gäller&lt;/b&gt; – ett barn per rad; syskon får var sin förhandsbedömning</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1 har anmälningsskyldighet och kan inte vara anonym.</source>
        <translation>%1 har anmälningsskyldighet och kan inte vara anonym.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Enheterna läses fortfarande in – försök igen om en sekund.</source>
        <translation>Enheterna läses fortfarande in – försök igen om en sekund.</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/header.py" line="+21" />
        <source>Visa &amp;adress …</source>
        <translation>Visa &amp;adress …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visa skyddad adress (kräver skäl)</source>
        <translation>Visa skyddad adress (kräver skäl)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Personuppgifter …</source>
        <translation>&amp;Personuppgifter …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Personuppgifter: adress, telefon och skyddsmarkering</source>
        <translation>Personuppgifter: adress, telefon och skyddsmarkering</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Byt handl&amp;äggare …</source>
        <translation>Byt handl&amp;äggare …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Byt handläggare för ärendet</source>
        <translation>Byt handläggare för ärendet</translation>
    </message>
    <message>
        <location line="+5" />
        <source>← &amp;Tillbaka</source>
        <translation>← &amp;Tillbaka</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tillbaka till listan</source>
        <translation>Tillbaka till listan</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Ärende &lt;b&gt;%1&lt;/b&gt; · %2 · %3 · Handläggare: %4 · Öppnat %5</source>
        <translation>Ärende &lt;b&gt;%1&lt;/b&gt; · %2 · %3 · Handläggare: %4 · Öppnat %5</translation>
    </message>
    <message>
        <location line="+3" />
        <source>ofördelat</source>
        <translation>ofördelat</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Nästa tidsfrist: ingen öppen</source>
        <translation>Nästa tidsfrist: ingen öppen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nästa tidsfrist: &lt;b&gt;%1&lt;/b&gt; senast &lt;b&gt;%2&lt;/b&gt; – %3</source>
        <translation>Nästa tidsfrist: &lt;b&gt;%1&lt;/b&gt; senast &lt;b&gt;%2&lt;/b&gt; – %3</translation>
    </message>
    <message>
        <location line="+33" />
        <source>⚠ %1 – lämna aldrig ut adress eller uppgifter som kan röja var personen bor</source>
        <translation>⚠ %1 – lämna aldrig ut adress eller uppgifter som kan röja var personen bor</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Adress: &lt;i&gt;dold (skyddade personuppgifter)&lt;/i&gt;</source>
        <translation>Adress: &lt;i&gt;dold (skyddade personuppgifter)&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Adress: %1</source>
        <translation>Adress: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>saknas</source>
        <translation>saknas</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../../ifodesk/ui/widgets/case_list.py" line="+40" />
        <source>Filtrera ärenden</source>
        <translation>Filtrera ärenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filtrera: personnummer, ärendenummer eller namn</source>
        <translation>Filtrera: personnummer, ärendenummer eller namn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Läser in …</source>
        <translation>Läser in …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ärendelista</source>
        <translation>Ärendelista</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Minst %1 ärenden – räknar …</source>
        <translation>Minst %1 ärenden – räknar …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 ärende</source>
        <translation>1 ärende</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 ärenden</source>
        <translation>%1 ärenden</translation>
    </message>
</context>
<context>
    <name>CaseOfflineBox</name>
    <message>
        <location filename="../../ifodesk/ui/offline_case.py" line="+97" />
        <source>Checka ut till bärbar dator …</source>
        <translation>Checka ut till bärbar dator …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Checka ut ärendet till bärbar dator</source>
        <translation>Checka ut ärendet till bärbar dator</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Det finns redan en utcheckad kopia på datorn. Checka in den först.</source>
        <translation>Det finns redan en utcheckad kopia på datorn. Checka in den först.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Ärendet är inte ditt: skriv ett skäl i utcheckningen.</source>
        <translation>Ärendet är inte ditt: skriv ett skäl i utcheckningen.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Utcheckat till den här datorn: %1. Starta ifodesk --offline för att arbeta utan anslutning.</source>
        <translation>Utcheckat till den här datorn: %1. Starta ifodesk --offline för att arbeta utan anslutning.</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <location filename="../../ifodesk/ui/models/case_table.py" line="+37" />
        <source>Ärendenummer</source>
        <translation>Ärendenummer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Öppnat</source>
        <translation>Öppnat</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Handläggare</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nästa frist</source>
        <translation>Nästa frist</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Ofördelad</source>
        <translation>Ofördelad</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/__init__.py" line="+47" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Läser in ärendet …</source>
        <translation>Läser in ärendet …</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Ärendets tidsfrister</source>
        <translation>Ärendets tidsfrister</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Översikt</source>
        <translation>&amp;Översikt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>S&amp;kyddsbedömning</source>
        <translation>S&amp;kyddsbedömning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Förhandsbedömning</source>
        <translation>&amp;Förhandsbedömning</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Utredning</source>
        <translation>&amp;Utredning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>T&amp;idsfrister</source>
        <translation>T&amp;idsfrister</translation>
    </message>
    <message>
        <location line="+1" />
        <source>B&amp;eslut</source>
        <translation>B&amp;eslut</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Parter/Nät&amp;verk</source>
        <translation>Parter/Nät&amp;verk</translation>
    </message>
</context>
<context>
    <name>CheckinController</name>
    <message>
        <location filename="../../ifodesk/ui/offline_mode.py" line="+94" />
        <source>Checka &amp;in från bärbar dator …</source>
        <translation>Checka &amp;in från bärbar dator …</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Checka in &amp;återlämnade ändringar …</source>
        <translation>Checka in &amp;återlämnade ändringar …</translation>
    </message>
    <message>
        <location line="+29" />
        <source>IT har lämnat tillbaka ändringar från en återkallad kopia (%1). Checka in dem; alla regler prövas igen.</source>
        <translation>IT har lämnat tillbaka ändringar från en återkallad kopia (%1). Checka in dem; alla regler prövas igen.</translation>
    </message>
    <message>
        <location line="+50" />
        <source>Incheckat: de återlämnade ändringarna finns nu i ärendena (%1 st).</source>
        <translation>Incheckat: de återlämnade ändringarna finns nu i ärendena (%1 st).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Incheckat: alla ändringar finns nu på servern (%1 st). Kopian på datorn är raderad.</source>
        <translation>Incheckat: alla ändringar finns nu på servern (%1 st). Kopian på datorn är raderad.</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/family_docs_box.py" line="+46" />
        <source>Sekretesskontroll före utskrift</source>
        <translation>Sekretesskontroll före utskrift</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Skyddade adresser och telefonnummer tas bort automatiskt. Bekräfta resten själv:</source>
        <translation>Skyddade adresser och telefonnummer tas bort automatiskt. Bekräfta resten själv:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Skriv ut</source>
        <translation>&amp;Skriv ut</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <location filename="../../ifodesk/ui/offline_case.py" line="-104" />
        <source>Checka ut till bärbar dator</source>
        <translation>Checka ut till bärbar dator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ärende %1 kopieras</source>
        <translation>Ärende %1 kopieras</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ärenden (%2) kopieras</source>
        <translation>%1 ärenden (%2) kopieras</translation>
    </message>
    <message>
        <location line="+2" />
        <source> krypterat till den här datorn så att du kan skriva journalanteckningar, utredningstext och beslutsförslag utan anslutning. Ändringarna skickas när du checkar in.</source>
        <translation> krypterat till den här datorn så att du kan skriva journalanteckningar, utredningstext och beslutsförslag utan anslutning. Ändringarna skickas när du checkar in.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Datorns namn</source>
        <translation>Datorns namn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Skäl (krävs för andras ärenden)</source>
        <translation>Skäl (krävs för andras ärenden)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 av ärendena är inte dina: skriv skälet till att du tar med dem. Skälet loggas.</source>
        <translation>%1 av ärendena är inte dina: skriv skälet till att du tar med dem. Skälet loggas.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Dator:</source>
        <translation>&amp;Dator:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Skäl:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checka ut</source>
        <translation>Checka ut</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <location filename="../../ifodesk/ui/anmalan_child.py" line="+40" />
        <source>förhandsbedömning pågår</source>
        <translation>förhandsbedömning pågår</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Barn %1: personnummer</source>
        <translation>Barn %1: personnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ÅÅÅÅMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Barn %1: förnamn</source>
        <translation>Barn %1: förnamn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Barn %1: efternamn</source>
        <translation>Barn %1: efternamn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Barn %1: födelsedatum om personnummer saknas</source>
        <translation>Barn %1: födelsedatum om personnummer saknas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ta bort</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&lt;b&gt;Barn %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Barn %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personnummer:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Förnamn:</source>
        <translation>Förnamn:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Efternamn:</source>
        <translation>Efternamn:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Född (utan pnr):</source>
        <translation>Född (utan pnr):</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Söker efter tidigare anmälningar …</source>
        <translation>Söker efter tidigare anmälningar …</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Ny person i systemet – fyll i förnamn och efternamn.</source>
        <translation>Ny person i systemet – fyll i förnamn och efternamn.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Känd person: %1 %2</source>
        <translation>Känd person: %1 %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Inga tidigare anmälningar om barnet.</source>
        <translation>Inga tidigare anmälningar om barnet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Tidigare anmälningar om barnet (%1):&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Tidigare anmälningar om barnet (%1):&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&lt;b&gt;Syskons ärenden:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Syskons ärenden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Födelsedatum skrivs ÅÅÅÅ-MM-DD.</source>
        <translation>Födelsedatum skrivs ÅÅÅÅ-MM-DD.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ifodesk/ui/conflict_dialog.py" line="+61" />
        <source>Någon annan har sparat</source>
        <translation>Någon annan har sparat</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="-4" />
        <source>&amp;Använd valen</source>
        <translation>&amp;Använd valen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ta &amp;den sparade texten i allt</source>
        <translation>Ta &amp;den sparade texten i allt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Behåll min text i allt</source>
        <translation>&amp;Behåll min text i allt</translation>
    </message>
    <message>
        <location line="+29" />
        <source>nyss</source>
        <translation>nyss</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;%1 sparade %2 %3&lt;/b&gt; medan du skrev. Inget har skrivits över: det du skrev finns kvar tills du har valt.</source>
        <translation>&lt;b&gt;%1 sparade %2 %3&lt;/b&gt; medan du skrev. Inget har skrivits över: det du skrev finns kvar tills du har valt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ett fält skiljer sig. Välj vilken text som ska gälla.</source>
        <translation>Ett fält skiljer sig. Välj vilken text som ska gälla.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 fält skiljer sig. Välj för varje fält vilken text som ska gälla.</source>
        <translation>%1 fält skiljer sig. Välj för varje fält vilken text som ska gälla.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Övriga fält (%1) är lika.</source>
        <translation>Övriga fält (%1) är lika.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;b&gt;Det du skrev (inte sparat)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Det du skrev (inte sparat)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;Det %1 sparade %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Det %1 sparade %2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Din text: %1</source>
        <translation>Din text: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sparad text: %1</source>
        <translation>Sparad text: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Behåll min text</source>
        <translation>Behåll min text</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Använd texten som %1 sparade</source>
        <translation>Använd texten som %1 sparade</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Det som skiljer sig är understruket.</source>
        <translation>Det som skiljer sig är understruket.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Välj först för varje fält vilken text som ska gälla.</source>
        <translation>Välj först för varje fält vilken text som ska gälla.</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../ifodesk/ui/widgets/country.py" line="+30" />
        <source>(inte angivet)</source>
        <translation>(inte angivet)</translation>
    </message>
</context>
<context>
    <name>CourtRulingDialog</name>
    <message>
        <location filename="../../ifodesk/ui/decision/court_dialog.py" line="+24" />
        <source>Rätten fastställde beslutet (omhändertagandet består)</source>
        <translation>Rätten fastställde beslutet (omhändertagandet består)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rätten upphävde beslutet</source>
        <translation>Rätten upphävde beslutet</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Förvaltningsrättens beslut</source>
        <translation>Förvaltningsrättens beslut</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Nämndens beslut %1 (%2) har underställts förvaltningsrätten. För in rättens beslut när det kommer in; fristerna som räknas från det startar då.</source>
        <translation>Nämndens beslut %1 (%2) har underställts förvaltningsrätten. För in rättens beslut när det kommer in; fristerna som räknas från det startar då.</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Datum för rättens beslut</source>
        <translation>Datum för rättens beslut</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Bifall: rätten beslutade om vård enligt ansökan</source>
        <translation>Bifall: rätten beslutade om vård enligt ansökan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avslag: rätten avslog ansökan</source>
        <translation>Avslag: rätten avslog ansökan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delvis bifall: vård på en av grunderna</source>
        <translation>Delvis bifall: vård på en av grunderna</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Domstol</source>
        <translation>Domstol</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t.ex. Förvaltningsrätten i Göteborg</source>
        <translation>t.ex. Förvaltningsrätten i Göteborg</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Målnummer</source>
        <translation>Målnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t.ex. 1234-26</source>
        <translation>t.ex. 1234-26</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Rättens beslut</source>
        <translation>Rättens beslut</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Grund som rätten biföll</source>
        <translation>Grund som rätten biföll</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dagen då vården började</source>
        <translation>Dagen då vården började</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Insats som domen gäller</source>
        <translation>Insats som domen gäller</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Domstol:</source>
        <translation>&amp;Domstol:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Målnummer:</source>
        <translation>&amp;Målnummer:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Rätten beslutade den:</source>
        <translation>&amp;Rätten beslutade den:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Utfall:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Vård enligt:</source>
        <translation>&amp;Vård enligt:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vården &amp;började den:</source>
        <translation>Vården &amp;började den:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Insats:</source>
        <translation>&amp;Insats:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Spara</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Nämnden ansökte den %1 om vård (%2). För in förvaltningsrättens dom när den kommer in: övervägandet av vården räknas från dagen då vården enligt domen började.</source>
        <translation>Nämnden ansökte den %1 om vård (%2). För in förvaltningsrättens dom när den kommer in: övervägandet av vården räknas från dagen då vården enligt domen började.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Ny insats: %1</source>
        <translation>Ny insats: %1</translation>
    </message>
    <message>
        <location line="+67" />
        <source>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt; Fristen som räknas från det:</source>
        <translation>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt; Fristen som räknas från det:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: senast &lt;b&gt;%2&lt;/b&gt; (%3)</source>
        <translation>%1: senast &lt;b&gt;%2&lt;/b&gt; (%3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>; dagen är en helgdag, så %1 räknas som i tid</source>
        <translation>; dagen är en helgdag, så %1 räknas som i tid</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt; Rätten sade nej; ingen frist räknas från det.</source>
        <translation>&lt;b&gt;Rättens beslut är infört.&lt;/b&gt; Rätten sade nej; ingen frist räknas från det.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>S&amp;täng</source>
        <translation>S&amp;täng</translation>
    </message>
</context>
<context>
    <name>DeadlineTable</name>
    <message>
        <location filename="../../ifodesk/ui/widgets/deadline_table.py" line="+25" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Frist</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Förfaller</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Handläggare</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ofördelad</source>
        <translation>Ofördelad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Startdatum</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Klar</source>
        <translation>Klar</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <location filename="../../ifodesk/ui/pages/deadlines.py" line="+27" />
        <source>Ofördelad</source>
        <translation>Ofördelad</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Handläggare</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Försenade</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inom tre dagar</source>
        <translation>Inom tre dagar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Totalt</source>
        <translation>Totalt</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location line="+10" />
        <source>Vems frister</source>
        <translation>Vems frister</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tidsrymd</source>
        <translation>Tidsrymd</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Försenade och inom %1 dagar</source>
        <translation>Försenade och inom %1 dagar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tidsfrister</source>
        <translation>Tidsfrister</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Frister per handläggare</source>
        <translation>Frister per handläggare</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&amp;Visa:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>⚠ Försenad (röd) · ● Förfaller inom tre dagar (gul) · Om N dagar (grön). Status står alltid i text.</source>
        <translation>⚠ Försenad (röd) · ● Förfaller inom tre dagar (gul) · Om N dagar (grön). Status står alltid i text.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&lt;h2&gt;Tidsbevakning&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tidsbevakning&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Mina frister</source>
        <translation>Mina frister</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enhet: %1</source>
        <translation>Enhet: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alla enheter</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 frister, varav %2 försenade</source>
        <translation>%1 frister, varav %2 försenade</translation>
    </message>
</context>
<context>
    <name>Decide</name>
    <message>
        <location filename="../../ifodesk/ui/decision/summary.py" line="+26" />
        <source>%1 [SKYDDAD]</source>
        <translation>%1 [SKYDDAD]</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/decide.py" line="+29" />
        <source>⚠ Brådskande – ordförande</source>
        <translation>⚠ Brådskande – ordförande</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/decision/summary.py" line="+5" />
        <location filename="../../ifodesk/ui/pages/decide.py" line="+1" />
        <location line="+13" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../ifodesk/ui/pages/decide.py" line="-12" />
        <location line="+13" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skickat till</source>
        <translation>Skickat till</translation>
    </message>
    <message>
        <location line="+2" />
        <source>gäller</source>
        <translation>gäller</translation>
    </message>
    <message>
        <location line="+0" />
        <source>upphävt – förslaget har ändrats</source>
        <translation>upphävt – förslaget har ändrats</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Godkänt av</source>
        <translation>Godkänt av</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Återvisat</source>
        <translation>Återvisat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beslutat</source>
        <translation>Beslutat</translation>
    </message>
    <message>
        <location line="+9" />
        <source>SKYDDADE PERSONUPPGIFTER</source>
        <translation>SKYDDADE PERSONUPPGIFTER</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Brådskande – till ordföranden:</source>
        <translation>Brådskande – till ordföranden:</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/decide.py" line="-12" />
        <location line="+13" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/decision/summary.py" line="-25" />
        <location filename="../../ifodesk/ui/pages/decide.py" line="-12" />
        <source>Skrivet av</source>
        <translation>Skrivet av</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/decide.py" line="+1" />
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Återvisat: %1</source>
        <translation>Återvisat: %1</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/decision/summary.py" line="-1" />
        <location filename="../../ifodesk/ui/pages/decide.py" line="+5" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DecidePage</name>
    <message>
        <location filename="../../ifodesk/ui/pages/decide.py" line="+20" />
        <source>Förslag som väntar på mig</source>
        <translation>Förslag som väntar på mig</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Mina förslag och utkast</source>
        <translation>Mina förslag och utkast</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Förslaget i sin helhet</source>
        <translation>Förslaget i sin helhet</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Godkänn</source>
        <translation>&amp;Godkänn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Åter&amp;visa …</source>
        <translation>Åter&amp;visa …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fatta &amp;brådskande beslut</source>
        <translation>Fatta &amp;brådskande beslut</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Öppna i &amp;beslutsredigeraren</source>
        <translation>Öppna i &amp;beslutsredigeraren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Öppna &amp;ärendet</source>
        <translation>Öppna &amp;ärendet</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&lt;b&gt;Väntar på mig&lt;/b&gt;</source>
        <translation>&lt;b&gt;Väntar på mig&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;Mina förslag och utkast&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mina förslag och utkast&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&lt;h2&gt;Att besluta&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Att besluta&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 förslag väntar på dig</source>
        <translation>%1 förslag väntar på dig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 eget förslag</source>
        <translation>1 eget förslag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 egna förslag</source>
        <translation>%1 egna förslag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;p&gt;Välj ett förslag i listan för att läsa det i sin helhet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Välj ett förslag i listan för att läsa det i sin helhet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;p&gt;Inga förslag väntar på ditt beslut just nu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Inga förslag väntar på ditt beslut just nu.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+40" />
        <source>&amp;Godkänn för utskottet</source>
        <translation>&amp;Godkänn för utskottet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Godkänn och besluta</source>
        <translation>&amp;Godkänn och besluta</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Förslaget väntar inte på godkännande.</source>
        <translation>Förslaget väntar inte på godkännande.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Godkänt för utskottet: %1 (%2)</source>
        <translation>Godkänt för utskottet: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beslutet är fattat: %1 (%2)</source>
        <translation>Beslutet är fattat: %1 (%2)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Återvisa förslaget</source>
        <translation>Återvisa förslaget</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Varför återvisas &lt;b&gt;%1&lt;/b&gt;? Handläggaren ser skälet i sina förslag.</source>
        <translation>Varför återvisas &lt;b&gt;%1&lt;/b&gt;? Handläggaren ser skälet i sina förslag.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Återvisat: %1 (%2)</source>
        <translation>Återvisat: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Brådskande beslut fattat: %1 (%2)</source>
        <translation>Brådskande beslut fattat: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DecisionEditor</name>
    <message>
        <location filename="../../ifodesk/ui/decision_editor.py" line="+62" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+20" />
        <source>&lt;b&gt;Nytt beslut&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nytt beslut&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Välj en beslutsmall till vänster (sök och tryck Enter).</source>
        <translation>Välj en beslutsmall till vänster (sök och tryck Enter).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Lagrum (från mallen, kan inte ändras)</source>
        <translation>Lagrum (från mallen, kan inte ändras)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Ä&amp;ndra förslaget</source>
        <translation>Ä&amp;ndra förslaget</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Förhandsvisning av beslutet</source>
        <translation>Förhandsvisning av beslutet</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;Spara utkast</source>
        <translation>&amp;Spara utkast</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fatta beslut</source>
        <translation>&amp;Fatta beslut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skicka för &amp;godkännande</source>
        <translation>Skicka för &amp;godkännande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skicka brådskande till &amp;ordföranden</source>
        <translation>Skicka brådskande till &amp;ordföranden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Till fö&amp;redragningslista …</source>
        <translation>Till fö&amp;redragningslista …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Förhandsgranska &amp;brev</source>
        <translation>Förhandsgranska &amp;brev</translation>
    </message>
    <message>
        <location line="+2" />
        <source>För &amp;in rättens beslut …</source>
        <translation>För &amp;in rättens beslut …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Makulera utkast</source>
        <translation>&amp;Makulera utkast</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;täng</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Lagrum:</source>
        <translation>&amp;Lagrum:</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Nytt beslut</source>
        <translation>Nytt beslut</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Osparat utkast från %1 återställt – sparas strax</source>
        <translation>Osparat utkast från %1 återställt – sparas strax</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Osparat utkast återställt</source>
        <translation>Osparat utkast återställt</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Ändrat – sparas strax som utkast</source>
        <translation>Ändrat – sparas strax som utkast</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&lt;p&gt;Förhandsvisningen av beslutet visas här.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Förhandsvisningen av beslutet visas här.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Mallen kan inte bytas när utkastet är sparat. Makulera utkastet för att börja om med en annan mall.</source>
        <translation>Mallen kan inte bytas när utkastet är sparat. Makulera utkastet för att börja om med en annan mall.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source> – återvisat: %1</source>
        <translation> – återvisat: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> av %1</source>
        <translation> av %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> %1 av %2</source>
        <translation> %1 av %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Om du ändrar förslaget dras det tillbaka och ett godkännande upphör att gälla.</source>
        <translation>Om du ändrar förslaget dras det tillbaka och ett godkännande upphör att gälla.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Nästa steg: %1</source>
        <translation>Nästa steg: %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Välj en beslutsmall först.</source>
        <translation>Välj en beslutsmall först.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Förslaget kan inte ändras (%1).</source>
        <translation>Förslaget kan inte ändras (%1).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bara den som skrivit förslaget ändrar det.</source>
        <translation>Bara den som skrivit förslaget ändrar det.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ett brådskande förslag ska ange: %1.</source>
        <translation>Ett brådskande förslag ska ange: %1.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Brevet skrivs ut när beslutet är fattat; texten till höger visar hur det blir.</source>
        <translation>Brevet skrivs ut när beslutet är fattat; texten till höger visar hur det blir.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bara handläggare, 1:e socialsekreterare och chefer för in rättens beslut.</source>
        <translation>Bara handläggare, 1:e socialsekreterare och chefer för in rättens beslut.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bara ett sparat utkast som inte skickats kan makuleras.</source>
        <translation>Bara ett sparat utkast som inte skickats kan makuleras.</translation>
    </message>
</context>
<context>
    <name>DecisionFields</name>
    <message>
        <location filename="../../ifodesk/ui/decision/fields.py" line="+77" />
        <source>(krävs vid brådskande beslut)</source>
        <translation>(krävs vid brådskande beslut)</translation>
    </message>
    <message>
        <location line="+34" />
        <source>* obligatoriskt. Lagrum och överklagandehänvisning kommer från mallen och kan inte ändras.</source>
        <translation>* obligatoriskt. Lagrum och överklagandehänvisning kommer från mallen och kan inte ändras.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>– välj –</source>
        <translation>– välj –</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Obligatoriskt</source>
        <translation>Obligatoriskt</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/decisions_tab.py" line="+22" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beslutsfattare</source>
        <translation>Beslutsfattare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lagrum / skäl</source>
        <translation>Lagrum / skäl</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location line="+9" />
        <source>Beslut i ärendet</source>
        <translation>Beslut i ärendet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>N&amp;ytt beslut …</source>
        <translation>N&amp;ytt beslut …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fattade beslut, förhandsbedömningar och förlängningar. Nya beslut skrivs från en beslutsmall.</source>
        <translation>Fattade beslut, förhandsbedömningar och förlängningar. Nya beslut skrivs från en beslutsmall.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ifodesk/ui/dialogs.py" line="+37" />
        <source>Det gick inte</source>
        <translation>Det gick inte</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+6" />
        <source>ifodesk</source>
        <translation>ifodesk</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>FamilyDocsBox</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/family_docs_box.py" line="+21" />
        <source>Dokument till familjen</source>
        <translation>Dokument till familjen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Mottagare</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Utredningen för kommunice&amp;ring …</source>
        <translation>Utredningen för kommunice&amp;ring …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Journalen för partsins&amp;yn …</source>
        <translation>Journalen för partsins&amp;yn …</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Ärendet har ingen utredning.</source>
        <translation>Ärendet har ingen utredning.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Spara dokumentet i mapp</source>
        <translation>Spara dokumentet i mapp</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sparat: %1</source>
        <translation>Sparat: %1</translation>
    </message>
</context>
<context>
    <name>FbTab</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/fb_tab.py" line="+52" />
        <source>Förhandsbedömning</source>
        <translation>Förhandsbedömning</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Anteckningar i förhandsbedömningen</source>
        <translation>Anteckningar i förhandsbedömningen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Spara anteckningar</source>
        <translation>&amp;Spara anteckningar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beslut om förhandsbedömning …</source>
        <translation>Beslut om förhandsbedömning …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fö&amp;r till pågående utredning</source>
        <translation>Fö&amp;r till pågående utredning</translation>
    </message>
    <message>
        <location line="+19" />
        <source>A&amp;nteckningar (vad som framkommit, kontakter, bedömning):</source>
        <translation>A&amp;nteckningar (vad som framkommit, kontakter, bedömning):</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Anmälan %1 – %2</source>
        <translation>Anmälan %1 – %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>pågår</source>
        <translation>pågår</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Ingen anmälan i ärendet.</source>
        <translation>Ingen anmälan i ärendet.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Påbörjad %1 · ska vara klar senast &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Påbörjad %1 · ska vara klar senast &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;br&gt;Beslut %1 av %2: &lt;b&gt;%3&lt;/b&gt; %4</source>
        <translation>&lt;br&gt;Beslut %1 av %2: &lt;b&gt;%3&lt;/b&gt; %4</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;br&gt;Anmälaren vill ha återkoppling: informera inom en vecka från beslutet.</source>
        <translation>&lt;br&gt;Anmälaren vill ha återkoppling: informera inom en vecka från beslutet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;br&gt;Barnet utreds redan: anmälan kan föras till den pågående utredningen i stället för ett nytt beslut om att inleda utredning.</source>
        <translation>&lt;br&gt;Barnet utreds redan: anmälan kan föras till den pågående utredningen i stället för ett nytt beslut om att inleda utredning.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Föra anmälan från %1 till den pågående utredningen? Förhandsbedömningen avslutas då, och det kan inte ångras.</source>
        <translation>Föra anmälan från %1 till den pågående utredningen? Förhandsbedömningen avslutas då, och det kan inte ångras.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fö&amp;r till utredningen</source>
        <translation>Fö&amp;r till utredningen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>För till pågående utredning</source>
        <translation>För till pågående utredning</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Anteckningar</source>
        <translation>Anteckningar</translation>
    </message>
</context>
<context>
    <name>FeedbackBox</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/fb_feedback.py" line="+58" />
        <source>Datum då anmälaren informerades</source>
        <translation>Datum då anmälaren informerades</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Anmälaren &amp;har informerats</source>
        <translation>Anmälaren &amp;har informerats</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Återkopplingsdatu&amp;m:</source>
        <translation>Återkopplingsdatu&amp;m:</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): inom en vecka från beslutet, när anmälaren har bett om det</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2): inom en vecka från beslutet, när anmälaren har bett om det</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Återkopplingsdatum</source>
        <translation>Återkopplingsdatum</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Beslutet fattades %1 · anmälaren ska informeras senast &lt;b&gt;%2&lt;/b&gt; %3</source>
        <translation>Beslutet fattades %1 · anmälaren ska informeras senast &lt;b&gt;%2&lt;/b&gt; %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;br&gt;Anmälaren informerades %1.</source>
        <translation>&lt;br&gt;Anmälaren informerades %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;br&gt;Anmälaren är inte informerad än.</source>
        <translation>&lt;br&gt;Anmälaren är inte informerad än.</translation>
    </message>
</context>
<context>
    <name>FieldMerge</name>
    <message>
        <location filename="../../ifodesk/ui/offline_merge.py" line="+51" />
        <source>Mitt (offline)</source>
        <translation>Mitt (offline)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deras (på servern)</source>
        <translation>Deras (på servern)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Före utcheckningen</source>
        <translation>Före utcheckningen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sammanfogad text</source>
        <translation>Sammanfogad text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Välj en version ovan eller skriv den sammanfogade texten här.</source>
        <translation>Välj en version ovan eller skriv den sammanfogade texten här.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Använd mitt</source>
        <translation>Använd mitt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Använd deras</source>
        <translation>Använd deras</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Resultat:</source>
        <translation>Resultat:</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ifodesk/ui/handover_dialog.py" line="+40" />
        <source>Frånvaro och ersättare</source>
        <translation>Frånvaro och ersättare</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lämna över alla ärenden</source>
        <translation>Lämna över alla ärenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Byt handläggare för %1</source>
        <translation>Byt handläggare för %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vem</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Till vem</source>
        <translation>Till vem</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Första dag</source>
        <translation>Första dag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sista dag</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Anteckning</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Registrera</source>
        <translation>Registrera</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Lämna över</source>
        <translation>Lämna över</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Frånvarande:</source>
        <translation>&amp;Frånvarande:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Första &amp;dag:</source>
        <translation>Första &amp;dag:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sista dag:</source>
        <translation>&amp;Sista dag:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ersättare:</source>
        <translation>&amp;Ersättare:</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <location line="+3" />
        <source>&amp;Anteckning:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Ersättaren svarar för ärendena under frånvaron; de är kvar hos den frånvarande.</source>
        <translation>Ersättaren svarar för ärendena under frånvaron; de är kvar hos den frånvarande.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Från handläggare:</source>
        <translation>&amp;Från handläggare:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Till handläggare:</source>
        <translation>&amp;Till handläggare:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Ny handläggare:</source>
        <translation>&amp;Ny handläggare:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Alla öppna ärenden i dina enheter går över, med sina tidsfrister. Överlämningen loggas per ärende.</source>
        <translation>Alla öppna ärenden i dina enheter går över, med sina tidsfrister. Överlämningen loggas per ärende.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Ingen ersättare ännu</source>
        <translation>Ingen ersättare ännu</translation>
    </message>
    <message>
        <location line="+38" />
        <source>%1 ärenden har lämnats över.</source>
        <translation>%1 ärenden har lämnats över.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ärendet har lämnats över till %1.</source>
        <translation>Ärendet har lämnats över till %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Frånvaron är registrerad.</source>
        <translation>Frånvaron är registrerad.</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../ifodesk/ui/pages/inbox.py" line="+22" />
        <source>✓ Gjord</source>
        <translation>✓ Gjord</translation>
    </message>
    <message>
        <location line="+0" />
        <source>⚠ Saknas</source>
        <translation>⚠ Saknas</translation>
    </message>
    <message>
        <location line="+5" />
        <source>⚠ Försenad (%1)</source>
        <translation>⚠ Försenad (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 dagar kvar (%2)</source>
        <translation>%1 dagar kvar (%2)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Mottagen</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Barn</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälare</source>
        <translation>Anmälare</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anledning</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Skyddsbedömning</source>
        <translation>Skyddsbedömning</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Förhandsbedömning</source>
        <translation>Förhandsbedömning</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Handläggare</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ofördelad</source>
        <translation>Ofördelad</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location line="+11" />
        <source>Nya anmälningar</source>
        <translation>Nya anmälningar</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Visa anmälningar</source>
        <translation>Visa anmälningar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ofördelade</source>
        <translation>Ofördelade</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Alla öppna</source>
        <translation>Alla öppna</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Fördela till handläggare</source>
        <translation>Fördela till handläggare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fördela</source>
        <translation>&amp;Fördela</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fördela vald anmälan</source>
        <translation>Fördela vald anmälan</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ny anmälan (Ctrl+N)</source>
        <translation>Ny anmälan (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Registrera ny anmälan</source>
        <translation>Registrera ny anmälan</translation>
    </message>
    <message>
        <location line="+17" />
        <source>&amp;Visa:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Fördela markerad anmälan &amp;till:</source>
        <translation>Fördela markerad anmälan &amp;till:</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&lt;h2&gt;Anmälningar som väntar på förhandsbedömning&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Anmälningar som väntar på förhandsbedömning&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 anmälningar (ett barn per rad)</source>
        <translation>%1 anmälningar (ett barn per rad)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Markera en anmälan och välj en handläggare.</source>
        <translation>Markera en anmälan och välj en handläggare.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 fördelat till %2.</source>
        <translation>%1 fördelat till %2.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/journal_tab.py" line="+25" />
        <source>Utkast (osignerad)</source>
        <translation>Utkast (osignerad)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signerad %1</source>
        <translation>Signerad %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source> – rättad</source>
        <translation> – rättad</translation>
    </message>
    <message>
        <location line="+2" />
        <source> – rättelse</source>
        <translation> – rättelse</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rubrik</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Författare</source>
        <translation>Författare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <location line="+17" />
        <source>Journalanteckningar</source>
        <translation>Journalanteckningar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vald anteckning</source>
        <translation>Vald anteckning</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Händelsedatum</source>
        <translation>Händelsedatum</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+53" />
        <source>Rubrik</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="-52" />
        <location line="+52" />
        <source>Anteckning</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="-48" />
        <source>&amp;Spara utkast</source>
        <translation>&amp;Spara utkast</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Ante&amp;ckning:</source>
        <translation>Ante&amp;ckning:</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Si&amp;gnera</source>
        <translation>Si&amp;gnera</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ny anteckning</source>
        <translation>&amp;Ny anteckning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skriv &amp;rättelse</source>
        <translation>Skriv &amp;rättelse</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ru&amp;brik:</source>
        <translation>Ru&amp;brik:</translation>
    </message>
    <message>
        <location line="+49" />
        <source>&lt;b&gt;Ditt utkast&lt;/b&gt; – signera när det är klart</source>
        <translation>&lt;b&gt;Ditt utkast&lt;/b&gt; – signera när det är klart</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Rättelse&lt;/b&gt; av anteckningen från %1 (den ursprungliga ändras aldrig)</source>
        <translation>&lt;b&gt;Rättelse&lt;/b&gt; av anteckningen från %1 (den ursprungliga ändras aldrig)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Ny anteckning&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ny anteckning&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Anteckningen är signerad.</source>
        <translation>Anteckningen är signerad.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ifodesk/ui/labels.py" line="+14" />
        <source>handläggare</source>
        <translation>handläggare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1:e socialsekreterare</source>
        <translation>1:e socialsekreterare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>enhetschef</source>
        <translation>enhetschef</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IFO-chef</source>
        <translation>IFO-chef</translation>
    </message>
    <message>
        <location line="+1" />
        <source>socialchef</source>
        <translation>socialchef</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ordförande</source>
        <translation>ordförande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>individutskottet</source>
        <translation>individutskottet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nämnden</source>
        <translation>nämnden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>SEKRETESSMARKERING</source>
        <translation>SEKRETESSMARKERING</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SKYDDAD FOLKBOKFÖRING</source>
        <translation>SKYDDAD FOLKBOKFÖRING</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1 [SKYDDAD]</source>
        <translation>%1 [SKYDDAD]</translation>
    </message>
    <message>
        <location line="+7" />
        <source>✓ Klar i tid</source>
        <translation>✓ Klar i tid</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✓ Klar för sent</source>
        <translation>✓ Klar för sent</translation>
    </message>
    <message>
        <location line="+2" />
        <source>⚠ Försenad 1 dag</source>
        <translation>⚠ Försenad 1 dag</translation>
    </message>
    <message>
        <location line="+0" />
        <source>⚠ Försenad %1 dagar</source>
        <translation>⚠ Försenad %1 dagar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>● Förfaller i dag</source>
        <translation>● Förfaller i dag</translation>
    </message>
    <message>
        <location line="+2" />
        <source>● Förfaller i morgon</source>
        <translation>● Förfaller i morgon</translation>
    </message>
    <message>
        <location line="+0" />
        <source>● Förfaller om %1 dagar</source>
        <translation>● Förfaller om %1 dagar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Om %1 dagar</source>
        <translation>Om %1 dagar</translation>
    </message>
</context>
<context>
    <name>ListCheckout</name>
    <message>
        <location filename="../../ifodesk/ui/offline_list.py" line="+30" />
        <source>Checka ut markerade ärenden till bärbar dator</source>
        <translation>Checka ut markerade ärenden till bärbar dator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Markera ett eller flera ärenden (Ctrl- eller Skift-klick) och checka ut dem för att arbeta utan anslutning.</source>
        <translation>Markera ett eller flera ärenden (Ctrl- eller Skift-klick) och checka ut dem för att arbeta utan anslutning.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Markera ett eller flera ärenden i listan.</source>
        <translation>Markera ett eller flera ärenden i listan.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Högst %1 ärenden kan checkas ut på en gång.</source>
        <translation>Högst %1 ärenden kan checkas ut på en gång.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Det finns redan en utcheckad kopia på datorn. Checka in den först.</source>
        <translation>Det finns redan en utcheckad kopia på datorn. Checka in den först.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Skriv ett skäl: %1 av ärendena är inte dina.</source>
        <translation>Skriv ett skäl: %1 av ärendena är inte dina.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Minst ett av ärendena är inte ditt: skriv ett skäl.</source>
        <translation>Minst ett av ärendena är inte ditt: skriv ett skäl.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Utcheckat till den här datorn: %1. Starta ifodesk --offline för att arbeta utan anslutning.</source>
        <translation>Utcheckat till den här datorn: %1. Starta ifodesk --offline för att arbeta utan anslutning.</translation>
    </message>
</context>
<context>
    <name>LogReview</name>
    <message>
        <location filename="../../ifodesk/ui/pages/log_review.py" line="+36" />
        <location line="+12" />
        <source>Tid</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="-11" />
        <location line="+12" />
        <source>Användare</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="-10" />
        <location line="+12" />
        <source>Åtgärd</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+12" />
        <source>Angivet skäl</source>
        <translation>Angivet skäl</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Vad</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kontrollerad</source>
        <translation>Kontrollerad</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Hur</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Uppgift</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Skyddade personer</source>
        <translation>Skyddade personer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utanför eget ärende/enhet</source>
        <translation>Utanför eget ärende/enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utan ärendekoppling</source>
        <translation>Utan ärendekoppling</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Många personer</source>
        <translation>Många personer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utanför kontorstid</source>
        <translation>Utanför kontorstid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Misslyckade inloggningar</source>
        <translation>Misslyckade inloggningar</translation>
    </message>
</context>
<context>
    <name>LogReviewPage</name>
    <message>
        <location line="+15" />
        <source>Från och med</source>
        <translation>Från och med</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Till och med</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Många personer: fler än så här många per användare och dag</source>
        <translation>Många personer: fler än så här många per användare och dag</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kontorstiden börjar</source>
        <translation>Kontorstiden börjar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kontorstiden slutar</source>
        <translation>Kontorstiden slutar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Kör kontrollen</source>
        <translation>&amp;Kör kontrollen</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Vem har läst?</source>
        <translation>Vem har läst?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Anteckning om kontrollen</source>
        <translation>Anteckning om kontrollen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vad kontrollen visade, t.ex. ”Vikarierade i enheten, ok.”</source>
        <translation>Vad kontrollen visade, t.ex. ”Vikarierade i enheten, ok.”</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Markera som kontrollerad</source>
        <translation>&amp;Markera som kontrollerad</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Loggkontrollen görs av systemansvarig eller IFO-chef.</source>
        <translation>Loggkontrollen görs av systemansvarig eller IFO-chef.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Personnummer eller reservnummer</source>
        <translation>Personnummer eller reservnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ÅÅÅÅMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visa vem som har läst</source>
        <translation>Visa vem som har läst</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Vem har läst</source>
        <translation>Vem har läst</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&amp;Från:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Till:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Fler än</source>
        <translation>Fler än</translation>
    </message>
    <message>
        <location line="+0" />
        <source>personer per dag; kontorstid</source>
        <translation>personer per dag; kontorstid</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Anteckning:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;h2&gt;Loggkontroll&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Loggkontroll&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Kontrollerar loggen …</source>
        <translation>Kontrollerar loggen …</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 – %2: %3 loggrader lästes, %4 fynd, %5 kvar att kontrollera.</source>
        <translation>%1 – %2: %3 loggrader lästes, %4 fynd, %5 kvar att kontrollera.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Välj först ett fynd i listan.</source>
        <translation>Välj först ett fynd i listan.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Fyndet är redan kontrollerat.</source>
        <translation>Fyndet är redan kontrollerat.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Fyndet är markerat som kontrollerat.</source>
        <translation>Fyndet är markerat som kontrollerat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ifodesk/ui/main_window.py" line="+67" />
        <source>ifodesk – %1</source>
        <translation>ifodesk – %1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Navigering</source>
        <translation>Navigering</translation>
    </message>
    <message>
        <location line="+31" />
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Delegation: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Delegation: %3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Inloggad: %1 – %2 (delegation: %3)</source>
        <translation>Inloggad: %1 – %2 (delegation: %3)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Arbetar …</source>
        <translation>Arbetar …</translation>
    </message>
    <message>
        <location line="+104" />
        <source>Anmälan registrerad: %1</source>
        <translation>Anmälan registrerad: %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1

Försök igen. Det du skrivit finns kvar som utkast.</source>
        <translation>%1

Försök igen. Det du skrivit finns kvar som utkast.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ifodesk/ui/meeting/create_dialog.py" line="+50" />
        <source>Nytt sammanträde</source>
        <translation>Nytt sammanträde</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Datum för sammanträdet</source>
        <translation>Datum för sammanträdet</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Organ</source>
        <translation>Organ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Individutskottet</source>
        <translation>Individutskottet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Socialnämnden</source>
        <translation>Socialnämnden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tid och plats</source>
        <translation>Tid och plats</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t.ex. kl. 13.00, Nämndrummet</source>
        <translation>t.ex. kl. 13.00, Nämndrummet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ordförande</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sekreterare</source>
        <translation>Sekreterare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ledamöter (mellanslag kryssar)</source>
        <translation>Ledamöter (mellanslag kryssar)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Första paragrafnummer</source>
        <translation>Första paragrafnummer</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Skapa sammanträde</source>
        <translation>&amp;Skapa sammanträde</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>O&amp;rgan:</source>
        <translation>O&amp;rgan:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Tid och plats:</source>
        <translation>&amp;Tid och plats:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ordförande:</source>
        <translation>&amp;Ordförande:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;ekreterare:</source>
        <translation>S&amp;ekreterare:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ledamöter (minst tre med ordföranden):</source>
        <translation>&amp;Ledamöter (minst tre med ordföranden):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Första §:</source>
        <translation>&amp;Första §:</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Ange tid och plats för sammanträdet.</source>
        <translation>Ange tid och plats för sammanträdet.</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <location filename="../../ifodesk/ui/meeting/columns.py" line="+14" />
        <source>Bifall till förslaget</source>
        <translation>Bifall till förslaget</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avslag</source>
        <translation>Avslag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bordläggs</source>
        <translation>Bordläggs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmäld – läggs till handlingarna</source>
        <translation>Anmäld – läggs till handlingarna</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+50" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Anmälan av ordförandebeslut</source>
        <translation>Anmälan av ordförandebeslut</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Planerat</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Genomfört</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärenden</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ej behandlad</source>
        <translation>Ej behandlad</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 [SKYDDAD]</source>
        <translation>%1 [SKYDDAD]</translation>
    </message>
    <message>
        <location line="+5" />
        <source>§</source>
        <translation>§</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Typ</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+11" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ärendet gäller</source>
        <translation>Ärendet gäller</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Föredragande</source>
        <translation>Föredragande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utfall</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Skrivet av</source>
        <translation>Skrivet av</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Godkänt av</source>
        <translation>Godkänt av</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../ifodesk/ui/pages/meetings.py" line="+44" />
        <source>Sammanträden</source>
        <translation>Sammanträden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Nytt sammanträde …</source>
        <translation>&amp;Nytt sammanträde …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Välj ett sammanträde.</source>
        <translation>Välj ett sammanträde.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Föredragningslista</source>
        <translation>Föredragningslista</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Utskottets beslut</source>
        <translation>Utskottets beslut</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anteckning till protokollet</source>
        <translation>Anteckning till protokollet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anteckning till protokollet (valfri)</source>
        <translation>Anteckning till protokollet (valfri)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Godkända förslag att ta upp</source>
        <translation>Godkända förslag att ta upp</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Protokollför §</source>
        <translation>&amp;Protokollför §</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ta bort från listan</source>
        <translation>&amp;Ta bort från listan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Byt före&amp;dragande …</source>
        <translation>Byt före&amp;dragande …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Protokolls&amp;utdrag (PDF) …</source>
        <translation>Protokolls&amp;utdrag (PDF) …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Föredragningslista (PDF) …</source>
        <translation>&amp;Föredragningslista (PDF) …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Avsluta sammanträdet</source>
        <translation>&amp;Avsluta sammanträdet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Lägg på föredragningslistan</source>
        <translation>&amp;Lägg på föredragningslistan</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Sammanträden</source>
        <translation>&amp;Sammanträden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Beslut:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+7" />
        <source>F&amp;öredragningslista</source>
        <translation>F&amp;öredragningslista</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Godkända förslag som kan tas upp (förbehållna utskottet)</source>
        <translation>&amp;Godkända förslag som kan tas upp (förbehållna utskottet)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&lt;h2&gt;IU-sammanträden&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;IU-sammanträden&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Inga sammanträden ännu. Skapa ett med &lt;b&gt;Nytt sammanträde&lt;/b&gt;.</source>
        <translation>Inga sammanträden ännu. Skapa ett med &lt;b&gt;Nytt sammanträde&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>&lt;b&gt;%1 %2&lt;/b&gt; – %3&lt;br&gt;Ordförande: %4 · Sekreterare: %5&lt;br&gt;Ledamöter: %6</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt; – %3&lt;br&gt;Ordförande: %4 · Sekreterare: %5&lt;br&gt;Ledamöter: %6</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;br&gt;&lt;b&gt;Sammanträdet är avslutat.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;Sammanträdet är avslutat.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Bara ett obehandlat beslutsärende kan tas bort från listan.</source>
        <translation>Bara ett obehandlat beslutsärende kan tas bort från listan.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bara den som förbereder sammanträden byter föredragande.</source>
        <translation>Bara den som förbereder sammanträden byter föredragande.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Protokollsutdrag skrivs ut när paragrafen är protokollförd.</source>
        <translation>Protokollsutdrag skrivs ut när paragrafen är protokollförd.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Protokollsutdrag lämnas först när protokollet är justerat.</source>
        <translation>Protokollsutdrag lämnas först när protokollet är justerat.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Föredragningslistan är tom.</source>
        <translation>Föredragningslistan är tom.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Protokollför först: %1</source>
        <translation>Protokollför först: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sammanträdet är redan avslutat.</source>
        <translation>Sammanträdet är redan avslutat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skapa eller välj ett planerat sammanträde först.</source>
        <translation>Skapa eller välj ett planerat sammanträde först.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inget godkänt förslag är valt.</source>
        <translation>Inget godkänt förslag är valt.</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+70" />
        <source>Sammanträdet är avslutat.</source>
        <translation>Sammanträdet är avslutat.</translation>
    </message>
    <message>
        <location line="-92" />
        <location line="+24" />
        <source>§ %1 är redan protokollförd.</source>
        <translation>§ %1 är redan protokollförd.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sammanträdet hålls %1; beslut protokollförs den dagen.</source>
        <translation>Sammanträdet hålls %1; beslut protokollförs den dagen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bara sekreteraren eller ordföranden protokollför utskottets beslut.</source>
        <translation>Bara sekreteraren eller ordföranden protokollför utskottets beslut.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Sammanträdet %1 är skapat.</source>
        <translation>Sammanträdet %1 är skapat.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 är lagt på föredragningslistan.</source>
        <translation>%1 är lagt på föredragningslistan.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Ärendet är borttaget från listan.</source>
        <translation>Ärendet är borttaget från listan.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>§ %1 är protokollförd.</source>
        <translation>§ %1 är protokollförd.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Föredragningslista %1</source>
        <translation>Föredragningslista %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Protokollsutdrag § %1</source>
        <translation>Protokollsutdrag § %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ifodesk/ui/offline_merge.py" line="+15" />
        <source>Checka in – välj per fält</source>
        <translation>Checka in – välj per fält</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Någon har ändrat samma uppgifter på servern medan du arbetade offline. Välj för varje fält vilken text som ska gälla, eller skriv en sammanfogad text. Det som skiljer sig från texten före utcheckningen är markerat med gult.</source>
        <translation>Någon har ändrat samma uppgifter på servern medan du arbetade offline. Välj för varje fält vilken text som ska gälla, eller skriv en sammanfogad text. Det som skiljer sig från texten före utcheckningen är markerat med gult.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Checka in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Välj eller skriv en text för varje fält innan du checkar in.</source>
        <translation>Välj eller skriv en text för varje fält innan du checkar in.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../ifodesk/ui/decision/fields.py" line="-86" />
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ifodesk/ui/pages/admin.py" line="-88" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/deadlines.py" line="-76" />
        <source>Tidsbevakning</source>
        <translation>Tidsbevakning</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/inbox.py" line="-95" />
        <source>Anmälningar</source>
        <translation>Anmälningar</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/search.py" line="+144" />
        <source>Sök</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/start.py" line="+112" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/statistics.py" line="+67" />
        <source>Statistik</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/decide.py" line="-179" />
        <source>Att besluta</source>
        <translation>Att besluta</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/meetings.py" line="-277" />
        <source>IU-sammanträden</source>
        <translation>IU-sammanträden</translation>
    </message>
    <message>
        <location filename="../../ifodesk/ui/pages/log_review.py" line="-188" />
        <source>Loggkontroll</source>
        <translation>Loggkontroll</translation>
    </message>
</context>
<context>
    <name>Parties</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/parties_tab.py" line="+67" />
        <source> [SKYDDAD]</source>
        <translation> [SKYDDAD]</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skyddade personuppgifter – lämnas aldrig ut</source>
        <translation>Skyddade personuppgifter – lämnas aldrig ut</translation>
    </message>
    <message>
        <location line="+3" />
        <source> (lämnas inte ut till %1)</source>
        <translation> (lämnas inte ut till %1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>annan person</source>
        <translation>annan person</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Namn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vårdnad</source>
        <translation>Vårdnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person-/reservnr</source>
        <translation>Person-/reservnr</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adress</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Telefon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Språk / tolk</source>
        <translation>Språk / tolk</translation>
    </message>
    <message>
        <location line="+1" />
        <source> (tolk)</source>
        <translation> (tolk)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Födelseland</source>
        <translation>Födelseland</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delgiven</source>
        <translation>Delgiven</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hur</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sista dag att överklaga</source>
        <translation>Sista dag att överklaga</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Laga kraft</source>
        <translation>Laga kraft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Överklagande</source>
        <translation>Överklagande</translation>
    </message>
    <message>
        <location line="+7" />
        <source>för sent (prövas för avvisning)</source>
        <translation>för sent (prövas för avvisning)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>i rätt tid, överlämnat </source>
        <translation>i rätt tid, överlämnat </translation>
    </message>
    <message>
        <location line="+1" />
        <source>i rätt tid, överlämnas senast </source>
        <translation>i rätt tid, överlämnas senast </translation>
    </message>
</context>
<context>
    <name>PartiesBox</name>
    <message>
        <location filename="../../ifodesk/ui/decision/parties_box.py" line="+30" />
        <source>Parter i beslutet</source>
        <translation>Parter i beslutet</translation>
    </message>
    <message>
        <location line="+18" />
        <source>skyddad</source>
        <translation>skyddad</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Barnet (%1 år) är inte part och får inget eget brev; varje vårdnadshavare får ett eget brev.</source>
        <translation>Barnet (%1 år) är inte part och får inget eget brev; varje vårdnadshavare får ett eget brev.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Kommuniceringen pågår</source>
        <translation>Kommuniceringen pågår</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vill du ändå fatta beslutet nu?</source>
        <translation>Vill du ändå fatta beslutet nu?</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/parties_tab.py" line="+38" />
        <source>Personer runt barnet</source>
        <translation>Personer runt barnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Lägg till person …</source>
        <translation>&amp;Lägg till person …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Födelseland för markerad person</source>
        <translation>Födelseland för markerad person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Spara födelseland</source>
        <translation>Spara födelseland</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Vems samtycke</source>
        <translation>Vems samtycke</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Samtycke till</source>
        <translation>Samtycke till</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+64" />
        <source>Samtycke</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Registrera &amp;samtycke</source>
        <translation>Registrera &amp;samtycke</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Kommuniceras med</source>
        <translation>Kommuniceras med</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vad som kommuniceras</source>
        <translation>Vad som kommuniceras</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t.ex. utredningen, utkast</source>
        <translation>t.ex. utredningen, utkast</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Svar senast</source>
        <translation>Svar senast</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Registrera utski&amp;ck</source>
        <translation>Registrera utski&amp;ck</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Parter i beslutet</source>
        <translation>Parter i beslutet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Brev till parterna …</source>
        <translation>&amp;Brev till parterna …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hur</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Registrera &amp;delgivning</source>
        <translation>Registrera &amp;delgivning</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Registrera överkla&amp;gande</source>
        <translation>Registrera överkla&amp;gande</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Över&amp;lämnat till domstol</source>
        <translation>Över&amp;lämnat till domstol</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Nätverk – vårdnadshavare och andra runt barnet</source>
        <translation>Nätverk – vårdnadshavare och andra runt barnet</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Födelseland för markerad person:</source>
        <translation>Födelseland för markerad person:</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Kommunicering</source>
        <translation>Kommunicering</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Delgivning och överklagande</source>
        <translation>Delgivning och överklagande</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Ingen vårdnadshavare registrerad.</source>
        <translation>Ingen vårdnadshavare registrerad.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Syskon: </source>
        <translation>Syskon: </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Inga syskon registrerade.</source>
        <translation>Inga syskon registrerade.</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>Barnet</source>
        <translation>Barnet</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Inget samtycke registrerat.</source>
        <translation>Inget samtycke registrerat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Inget kommunicerat.</source>
        <translation>Inget kommunicerat.</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Födelselandet är sparat.</source>
        <translation>Födelselandet är sparat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Personen är tillagd.</source>
        <translation>Personen är tillagd.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Samtycket är registrerat.</source>
        <translation>Samtycket är registrerat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Utskicket är registrerat.</source>
        <translation>Utskicket är registrerat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delgivningen är registrerad.</source>
        <translation>Delgivningen är registrerad.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Överklagandet är registrerat.</source>
        <translation>Överklagandet är registrerat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Överlämnandet till domstolen är registrerat.</source>
        <translation>Överlämnandet till domstolen är registrerat.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Spara brev till parterna i mapp</source>
        <translation>Spara brev till parterna i mapp</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 brev sparade: %2</source>
        <translation>%1 brev sparade: %2</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ifodesk/ui/sign_in.py" line="+58" />
        <source>Logga in – ifodesk</source>
        <translation>Logga in – ifodesk</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+20" />
        <source>Användarnamn</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="-17" />
        <location line="+18" />
        <source>Lösenord</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="-16" />
        <source>Kom ihåg lösenordet på den här datorn</source>
        <translation>Kom ihåg lösenordet på den här datorn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kom ihåg lösenordet</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lösenordet sparas i operativsystemets nyckelring.</source>
        <translation>Lösenordet sparas i operativsystemets nyckelring.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datorn har ingen nyckelring där lösenordet kan sparas säkert.</source>
        <translation>Datorn har ingen nyckelring där lösenordet kan sparas säkert.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Logga in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Databasen kräver lösenord. Logga in med ditt eget konto.</source>
        <translation>Databasen kräver lösenord. Logga in med ditt eget konto.</translation>
    </message>
</context>
<context>
    <name>PdfViewDialog</name>
    <message>
        <location filename="../../ifodesk/ui/decision/pdf_view.py" line="+37" />
        <source>&amp;Spara som PDF …</source>
        <translation>&amp;Spara som PDF …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;täng</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <location line="+17" />
        <source>PDF-filen öppnades i datorns PDF-läsare: %1</source>
        <translation>PDF-filen öppnades i datorns PDF-läsare: %1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 sidor</source>
        <translation>%1 sidor</translation>
    </message>
    <message>
        <location line="+0" />
        <source>1 sida</source>
        <translation>1 sida</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Spara PDF</source>
        <translation>Spara PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Kunde inte spara: %1</source>
        <translation>Kunde inte spara: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sparad: %1</source>
        <translation>Sparad: %1</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/person_dialog.py" line="+39" />
        <source>Ingen skyddsmarkering</source>
        <translation>Ingen skyddsmarkering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sekretessmarkering</source>
        <translation>Sekretessmarkering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skyddad folkbokföring</source>
        <translation>Skyddad folkbokföring</translation>
    </message>
    <message>
        <location line="+4" />
        <source>(inte angivet)</source>
        <translation>(inte angivet)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nej</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Personuppgifter – %1</source>
        <translation>Personuppgifter – %1</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+65" />
        <source>Gatuadress</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="-64" />
        <location line="+64" />
        <source>Postnummer och ort</source>
        <translation>Postnummer och ort</translation>
    </message>
    <message>
        <location line="-63" />
        <location line="+64" />
        <source>Telefon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="-63" />
        <location line="+63" />
        <source>Skyddsmarkering</source>
        <translation>Skyddsmarkering</translation>
    </message>
    <message>
        <location line="-57" />
        <source>Bara en chef kan ta bort en markering.</source>
        <translation>Bara en chef kan ta bort en markering.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+57" />
        <source>Födelseland</source>
        <translation>Födelseland</translation>
    </message>
    <message>
        <location line="-56" />
        <location line="+56" />
        <source>Ensamkommande barn</source>
        <translation>Ensamkommande barn</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Adress och telefon är dolda (skyddade personuppgifter). De lämnas oförändrade om du inte visar dem först.</source>
        <translation>Adress och telefon är dolda (skyddade personuppgifter). De lämnas oförändrade om du inte visar dem först.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Visa &amp;adress …</source>
        <translation>Visa &amp;adress …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visa skyddad adress (kräver skäl)</source>
        <translation>Visa skyddad adress (kräver skäl)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Spara</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Gatuadress:</source>
        <translation>&amp;Gatuadress:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;ostnummer och ort:</source>
        <translation>P&amp;ostnummer och ort:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Telefon:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;kyddsmarkering:</source>
        <translation>S&amp;kyddsmarkering:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Födelseland:</source>
        <translation>&amp;Födelseland:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ensamkommande barn:</source>
        <translation>&amp;Ensamkommande barn:</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skyddad folkbokföring och sekretessmarkering beslutas av Skatteverket. Bara chef eller systemansvarig kan ta bort en markering.</source>
        <translation>Skyddad folkbokföring och sekretessmarkering beslutas av Skatteverket. Bara chef eller systemansvarig kan ta bort en markering.</translation>
    </message>
    <message>
        <location line="+28" />
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>dold – visa adressen först</source>
        <translation>dold – visa adressen först</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../ifodesk/ui/decision/preview.py" line="+56" />
        <source>[%1 saknas]</source>
        <translation>[%1 saknas]</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Inte klart:</source>
        <translation>Inte klart:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Beslut</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lagrum</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Beslutsfattare</source>
        <translation>Beslutsfattare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hur man överklagar</source>
        <translation>Hur man överklagar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tillämpad lydelse: %1</source>
        <translation>Tillämpad lydelse: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>SKYDDADE PERSONUPPGIFTER – adress lämnas ej ut</source>
        <translation>SKYDDADE PERSONUPPGIFTER – adress lämnas ej ut</translation>
    </message>
</context>
<context>
    <name>ProtocolBox</name>
    <message>
        <location filename="../../ifodesk/ui/meeting/protocol.py" line="+155" />
        <source>&amp;Justera protokollet …</source>
        <translation>&amp;Justera protokollet …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>För &amp;in anslag …</source>
        <translation>För &amp;in anslag …</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Bara sekreteraren eller ordföranden för in justering och anslag.</source>
        <translation>Bara sekreteraren eller ordföranden för in justering och anslag.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Protokollet justeras när sammanträdet är avslutat.</source>
        <translation>Protokollet justeras när sammanträdet är avslutat.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Protokollet är redan justerat.</source>
        <translation>Protokollet är redan justerat.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Protokollet måste justeras innan justeringen anslås.</source>
        <translation>Protokollet måste justeras innan justeringen anslås.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anslaget är redan infört.</source>
        <translation>Anslaget är redan infört.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&lt;b&gt;Protokollet är inte justerat.&lt;/b&gt; Det ska justeras senast %1 (%2).</source>
        <translation>&lt;b&gt;Protokollet är inte justerat.&lt;/b&gt; Det ska justeras senast %1 (%2).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Beslutsbrev och protokollsutdrag lämnas först när protokollet är justerat.</source>
        <translation>Beslutsbrev och protokollsutdrag lämnas först när protokollet är justerat.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Justerat&lt;/b&gt; %1 av %2.</source>
        <translation>&lt;b&gt;Justerat&lt;/b&gt; %1 av %2.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&lt;b&gt;Anslaget är inte infört.&lt;/b&gt; Justeringen ska tillkännages på anslagstavlan senast %1 (%2); tiden för laglighetsprövning räknas från anslaget.</source>
        <translation>&lt;b&gt;Anslaget är inte infört.&lt;/b&gt; Justeringen ska tillkännages på anslagstavlan senast %1 (%2); tiden för laglighetsprövning räknas från anslaget.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&lt;b&gt;Anslaget&lt;/b&gt; på anslagstavlan %1.</source>
        <translation>&lt;b&gt;Anslaget&lt;/b&gt; på anslagstavlan %1.</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Tiden har gått ut.</source>
        <translation>Tiden har gått ut.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Senare än 14 dagar efter sammanträdet (senast %1).</source>
        <translation>Senare än 14 dagar efter sammanträdet (senast %1).</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Senare än två dagar efter justeringen (senast %1).</source>
        <translation>Senare än två dagar efter justeringen (senast %1).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Överklagande genom laglighetsprövning (%2) ska ha kommit in till förvaltningsrätten senast &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Överklagande genom laglighetsprövning (%2) ska ha kommit in till förvaltningsrätten senast &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Dagen är en lördag, söndag eller helgdag: ett överklagande som kommer in %1 är i tid.</source>
        <translation>Dagen är en lördag, söndag eller helgdag: ett överklagande som kommer in %1 är i tid.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Justera protokollet</source>
        <translation>Justera protokollet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Justeraren är en närvarande ledamot som inte är ordförande. Protokollet ska justeras senast %1.</source>
        <translation>Justeraren är en närvarande ledamot som inte är ordförande. Protokollet ska justeras senast %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Justerare:</source>
        <translation>&amp;Justerare:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Justerare</source>
        <translation>Justerare</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Justerat den:</source>
        <translation>&amp;Justerat den:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Justeringsdatum</source>
        <translation>Justeringsdatum</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Protokollet är justerat.</source>
        <translation>Protokollet är justerat.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>För in anslag</source>
        <translation>För in anslag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dagen då justeringen tillkännagavs på kommunens anslagstavla (senast %1). Tiden för laglighetsprövning, tre veckor, räknas från den dagen.</source>
        <translation>Dagen då justeringen tillkännagavs på kommunens anslagstavla (senast %1). Tiden för laglighetsprövning, tre veckor, räknas från den dagen.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Anslaget den:</source>
        <translation>&amp;Anslaget den:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Anslagsdatum</source>
        <translation>Anslagsdatum</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Anslaget är infört.</source>
        <translation>Anslaget är infört.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Föredragande § %1</source>
        <translation>Föredragande § %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vem föredrar § %1 (%2)?</source>
        <translation>Vem föredrar § %1 (%2)?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Föredragande:</source>
        <translation>&amp;Föredragande:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Föredragande</source>
        <translation>Föredragande</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Föredragande för § %1 är ändrad.</source>
        <translation>Föredragande för § %1 är ändrad.</translation>
    </message>
</context>
<context>
    <name>ProtocolDialog</name>
    <message>
        <location line="-229" />
        <source>&amp;Spara</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Välj en person i listan.</source>
        <translation>Välj en person i listan.</translation>
    </message>
</context>
<context>
    <name>QueueBox</name>
    <message>
        <location filename="../../ifodesk/ui/pages/verkstallighet_queue.py" line="+25" />
        <source>Kö till insatser (beviljade, ej verkställda)</source>
        <translation>Kö till insatser (beviljade, ej verkställda)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kö per insatstyp</source>
        <translation>Kö per insatstyp</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Insatstyp</source>
        <translation>Insatstyp</translation>
    </message>
    <message>
        <location line="+0" />
        <source>I kö</source>
        <translation>I kö</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nära gränsen</source>
        <translation>Nära gränsen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Över gränsen</source>
        <translation>Över gränsen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Median (dagar)</source>
        <translation>Median (dagar)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Längst (dagar)</source>
        <translation>Längst (dagar)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Gränsen är tre månader från beslutet (eller avbrottet); nära gränsen = inom %1 dagar.</source>
        <translation>Gränsen är tre månader från beslutet (eller avbrottet); nära gränsen = inom %1 dagar.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Beslut som inte verkställts inom tre månader rapporteras till IVO varje kvartal (ifodesk-admin ivo-rapport).</source>
        <translation>Beslut som inte verkställts inom tre månader rapporteras till IVO varje kvartal (ifodesk-admin ivo-rapport).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Uppdatera kön</source>
        <translation>Uppdatera kön</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Ingen beviljad insats väntar på att verkställas.</source>
        <translation>Ingen beviljad insats väntar på att verkställas.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ifodesk/ui/decision/reason_dialog.py" line="+21" />
        <source>Skäl</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Återvisa</source>
        <translation>&amp;Återvisa</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Skriv varför förslaget återvisas – handläggaren behöver veta vad som ska ändras.</source>
        <translation>Skriv varför förslaget återvisas – handläggaren behöver veta vad som ska ändras.</translation>
    </message>
</context>
<context>
    <name>ReasonRule</name>
    <message numerus="yes">
        <location filename="../../ifodesk/ui/access_dialog.py" line="-33" />
        <source>Skriv ett verkligt skäl (minst %n bokstäver eller siffror).</source>
        <translation><numerusform>Skriv ett verkligt skäl (minst %n bokstäver eller siffror).</numerusform>
            <numerusform>Skriv ett verkligt skäl (minst %n bokstäver eller siffror).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelatedDialog</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/related_dialog.py" line="+16" />
        <source>Vårdnadshavare</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Särskilt förordnad vårdnadshavare</source>
        <translation>Särskilt förordnad vårdnadshavare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Förälder utan vårdnad</source>
        <translation>Förälder utan vårdnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Familjehemsförälder</source>
        <translation>Familjehemsförälder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kontaktperson</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location line="+1" />
        <source>God man</source>
        <translation>God man</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annan i nätverket</source>
        <translation>Annan i nätverket</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Gemensam vårdnad</source>
        <translation>Gemensam vårdnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ensam vårdnad</source>
        <translation>Ensam vårdnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ingen skyddsmarkering</source>
        <translation>Ingen skyddsmarkering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sekretessmarkering</source>
        <translation>Sekretessmarkering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skyddad folkbokföring</source>
        <translation>Skyddad folkbokföring</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Lägg till person runt barnet</source>
        <translation>Lägg till person runt barnet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Roll</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vårdnad</source>
        <translation>Vårdnad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ÅÅÅÅMMDD-NNNN (tomt: ange födelsedatum i stället)</source>
        <translation>ÅÅÅÅMMDD-NNNN (tomt: ange födelsedatum i stället)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Förnamn</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Efternamn</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gatuadress</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Postnummer och ort</source>
        <translation>Postnummer och ort</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Telefon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Språk</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Behöver &amp;tolk</source>
        <translation>Behöver &amp;tolk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Behöver tolk</source>
        <translation>Behöver tolk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skyddsmarkering</source>
        <translation>Skyddsmarkering</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Födelseland</source>
        <translation>Födelseland</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Adressen lämnas inte ut till</source>
        <translation>Adressen lämnas inte ut till</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(ingen)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Lägg till</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Roll:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Vårdnad:</source>
        <translation>&amp;Vårdnad:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Personnummer:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Förnamn:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Efternamn:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Gatuadress:</source>
        <translation>&amp;Gatuadress:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;ostnummer och ort:</source>
        <translation>P&amp;ostnummer och ort:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Tele&amp;fon:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-&amp;post:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Språk:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fö&amp;delseland:</source>
        <translation>Fö&amp;delseland:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>S&amp;kyddsmarkering:</source>
        <translation>S&amp;kyddsmarkering:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adressen lämnas &amp;inte ut till:</source>
        <translation>Adressen lämnas &amp;inte ut till:</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <location filename="../../ifodesk/ui/decision/actions.py" line="+15" />
        <source>Du får fatta beslutet själv</source>
        <translation>Du får fatta beslutet själv</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Beslutet fattas av %1</source>
        <translation>Beslutet fattas av %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brådskande beslut av %1</source>
        <translation>Brådskande beslut av %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&lt;b&gt;Vem får besluta?&lt;/b&gt; %1. %2</source>
        <translation>&lt;b&gt;Vem får besluta?&lt;/b&gt; %1. %2</translation>
    </message>
</context>
<context>
    <name>SavingMixin</name>
    <message>
        <location filename="../../ifodesk/ui/decision/saving.py" line="+49" />
        <source>Sparar …</source>
        <translation>Sparar …</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Utkast sparat i ärendet %1</source>
        <translation>Utkast sparat i ärendet %1</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Inte sparat – det du skrivit finns kvar som utkast på datorn</source>
        <translation>Inte sparat – det du skrivit finns kvar som utkast på datorn</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Krock – någon annan har ändrat förslaget</source>
        <translation>Krock – någon annan har ändrat förslaget</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Sparad version inläst; din text finns kvar som kopia på datorn</source>
        <translation>Sparad version inläst; din text finns kvar som kopia på datorn</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../ifodesk/ui/pages/search.py" line="-110" />
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utredning</source>
        <translation>Utredning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälan</source>
        <translation>Anmälan</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Källa</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rubrik</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utdrag</source>
        <translation>Utdrag</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location line="+104" />
        <source>Sök på personnummer (ÅÅMMDD-NNNN), ärendenummer (BU-2026-…) eller namn</source>
        <translation>Sök på personnummer (ÅÅMMDD-NNNN), ärendenummer (BU-2026-…) eller namn</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ärendestatus</source>
        <translation>Ärendestatus</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alla</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Bara &amp;mina ärenden</source>
        <translation>Bara &amp;mina ärenden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bara mina ärenden</source>
        <translation>Bara mina ärenden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alla enheter</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <location line="+10" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Enhet:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Ärenden och &amp;personer</source>
        <translation>Ärenden och &amp;personer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I te&amp;xter</source>
        <translation>I te&amp;xter</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;h2&gt;Sök ärenden och personer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Sök ärenden och personer&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>SkyddTab</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/skydd_tab.py" line="+33" />
        <source>Ange om barnet har ett omedelbart skyddsbehov.</source>
        <translation>Ange om barnet har ett omedelbart skyddsbehov.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Anmälan som bedöms</source>
        <translation>Anmälan som bedöms</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&lt;b&gt;Skyddsbedömning&lt;/b&gt; ska göras samma dag som anmälan kom in.</source>
        <translation>&lt;b&gt;Skyddsbedömning&lt;/b&gt; ska göras samma dag som anmälan kom in.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Tidpunkt för bedömningen</source>
        <translation>Tidpunkt för bedömningen</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+42" />
        <source>Omedelbart skyddsbehov</source>
        <translation>Omedelbart skyddsbehov</translation>
    </message>
    <message>
        <location line="-41" />
        <source>Nej – inget omedelbart skyddsbehov</source>
        <translation>Nej – inget omedelbart skyddsbehov</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ja – barnet behöver omedelbart skydd</source>
        <translation>Ja – barnet behöver omedelbart skydd</translation>
    </message>
    <message>
        <location line="+1" />
        <source>– välj: nej eller ja –</source>
        <translation>– välj: nej eller ja –</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+50" />
        <source>Bedömning</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <location line="-49" />
        <location line="+50" />
        <source>Skyddsåtgärder</source>
        <translation>Skyddsåtgärder</translation>
    </message>
    <message>
        <location line="-47" />
        <source>&amp;Spara skyddsbedömning</source>
        <translation>&amp;Spara skyddsbedömning</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ti&amp;dpunkt:</source>
        <translation>Ti&amp;dpunkt:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;medelbart skyddsbehov:</source>
        <translation>O&amp;medelbart skyddsbehov:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Bedömning:</source>
        <translation>&amp;Bedömning:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skydds&amp;åtgärder:</source>
        <translation>Skydds&amp;åtgärder:</translation>
    </message>
    <message>
        <location line="+9" />
        <source>gjord</source>
        <translation>gjord</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SAKNAS</source>
        <translation>SAKNAS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälan %1 – skyddsbedömning %2</source>
        <translation>Anmälan %1 – skyddsbedömning %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Inget omedelbart skyddsbehov</source>
        <translation>Inget omedelbart skyddsbehov</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt; – bedömd %2 av %3&lt;br&gt;&lt;br&gt;%4&lt;br&gt;&lt;br&gt;Åtgärder: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; – bedömd %2 av %3&lt;br&gt;&lt;br&gt;%4&lt;br&gt;&lt;br&gt;Åtgärder: %5</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Tidpunkt</source>
        <translation>Tidpunkt</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../ifodesk/ui/pages/start.py" line="-80" />
        <source>Återsänt förslag</source>
        <translation>Återsänt förslag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Osignerad journalanteckning</source>
        <translation>Osignerad journalanteckning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Du ersätter</source>
        <translation>Du ersätter</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+50" />
        <source>Förslag att besluta</source>
        <translation>Förslag att besluta</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Ofördelad anmälan</source>
        <translation>Ofördelad anmälan</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handläggaren är frånvarande</source>
        <translation>Handläggaren är frånvarande</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Mina ärenden – %1</source>
        <translation>Mina ärenden – %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fördelning och uppföljning – %1</source>
        <translation>Fördelning och uppföljning – %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enheterna i dag – %1</source>
        <translation>Enheterna i dag – %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sammanträden – %1</source>
        <translation>Sammanträden – %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start – %1</source>
        <translation>Start – %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>för %1</source>
        <translation>för %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 är borta – ersättare %2</source>
        <translation>%1 är borta – ersättare %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 är borta – ingen ersättare</source>
        <translation>%1 är borta – ingen ersättare</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Att göra</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+35" />
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="-34" />
        <source>Vad</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Frånvarande</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Från</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Till och med</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ersättare</source>
        <translation>Ersättare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ Ingen ersättare</source>
        <translation>⚠ Ingen ersättare</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <source>Öppna ärenden</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Förhandsbedömning</source>
        <translation>Förhandsbedömning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utredning</source>
        <translation>Utredning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insats</source>
        <translation>Insats</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ofördelade</source>
        <translation>Ofördelade</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Försenade frister</source>
        <translation>Försenade frister</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Frånvarande utan ersättare</source>
        <translation>Frånvarande utan ersättare</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Protokollet ska justeras</source>
        <translation>Protokollet ska justeras</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Inga ärenden ännu</source>
        <translation>Inga ärenden ännu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ärenden saknar föredragande</source>
        <translation>%1 ärenden saknar föredragande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Klar: alla ärenden har föredragande</source>
        <translation>Klar: alla ärenden har föredragande</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Organ</source>
        <translation>Organ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tid och plats</source>
        <translation>Tid och plats</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärenden</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Läge</source>
        <translation>Läge</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location line="+16" />
        <source>Läser in …</source>
        <translation>Läser in …</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Ny anmälan (Ctrl+N)</source>
        <translation>Ny anmälan (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Registrera ny anmälan</source>
        <translation>Registrera ny anmälan</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+59" />
        <location line="+4" />
        <source>Att göra</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <location line="-60" />
        <source>Tidsfrister</source>
        <translation>Tidsfrister</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Frånvaro</source>
        <translation>Frånvaro</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+64" />
        <source>Enheterna</source>
        <translation>Enheterna</translation>
    </message>
    <message>
        <location line="-61" />
        <location line="+64" />
        <source>Kommande sammanträden</source>
        <translation>Kommande sammanträden</translation>
    </message>
    <message>
        <location line="-48" />
        <source>Registrera &amp;frånvaro …</source>
        <translation>Registrera &amp;frånvaro …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lämna över alla ärenden …</source>
        <translation>&amp;Lämna över alla ärenden …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Byt handläggare för markerat ärende …</source>
        <translation>&amp;Byt handläggare för markerat ärende …</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Mina närmaste tidsfrister</source>
        <translation>Mina närmaste tidsfrister</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mina öppna ärenden</source>
        <translation>Mina öppna ärenden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enhetens försenade tidsfrister</source>
        <translation>Enhetens försenade tidsfrister</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+5" />
        <source>Frånvaro och ersättare</source>
        <translation>Frånvaro och ersättare</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Statistik och loggkontroll finns i navigeringen till vänster.</source>
        <translation>Statistik och loggkontroll finns i navigeringen till vänster.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&lt;b&gt;%1&lt;/b&gt; väntar på fördelning – se Anmälningar (Ctrl+2).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; väntar på fördelning – se Anmälningar (Ctrl+2).</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+14" />
        <source>1 ofördelad anmälan</source>
        <translation>1 ofördelad anmälan</translation>
    </message>
    <message>
        <location line="-14" />
        <location line="+14" />
        <source>%1 ofördelade anmälningar</source>
        <translation>%1 ofördelade anmälningar</translation>
    </message>
    <message>
        <location line="-8" />
        <location line="+13" />
        <source>1 öppet ärende</source>
        <translation>1 öppet ärende</translation>
    </message>
    <message>
        <location line="-13" />
        <location line="+13" />
        <source>%1 öppna ärenden</source>
        <translation>%1 öppna ärenden</translation>
    </message>
    <message>
        <location line="-13" />
        <source>1 återsänt förslag</source>
        <translation>1 återsänt förslag</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 återsända förslag</source>
        <translation>%1 återsända förslag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 osignerad journalanteckning</source>
        <translation>1 osignerad journalanteckning</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 osignerade journalanteckningar</source>
        <translation>%1 osignerade journalanteckningar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 återkoppling till anmälare</source>
        <translation>1 återkoppling till anmälare</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 återkopplingar till anmälare</source>
        <translation>%1 återkopplingar till anmälare</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+11" />
        <source>1 försenad frist</source>
        <translation>1 försenad frist</translation>
    </message>
    <message>
        <location line="-11" />
        <location line="+11" />
        <source>%1 försenade frister</source>
        <translation>%1 försenade frister</translation>
    </message>
    <message>
        <location line="-9" />
        <source>du ersätter i 1 ärende</source>
        <translation>du ersätter i 1 ärende</translation>
    </message>
    <message>
        <location line="+0" />
        <source>du ersätter i %1 ärenden</source>
        <translation>du ersätter i %1 ärenden</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+8" />
        <source>1 förslag väntar på dig</source>
        <translation>1 förslag väntar på dig</translation>
    </message>
    <message>
        <location line="-8" />
        <location line="+8" />
        <source>%1 förslag väntar på dig</source>
        <translation>%1 förslag väntar på dig</translation>
    </message>
    <message>
        <location line="-6" />
        <source>1 försenad frist i enheten</source>
        <translation>1 försenad frist i enheten</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 försenade frister i enheten</source>
        <translation>%1 försenade frister i enheten</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <source>1 frånvarande utan ersättare</source>
        <translation>1 frånvarande utan ersättare</translation>
    </message>
    <message>
        <location line="-6" />
        <location line="+6" />
        <source>%1 frånvarande utan ersättare</source>
        <translation>%1 frånvarande utan ersättare</translation>
    </message>
    <message>
        <location line="-5" />
        <source>1 ärende med frånvarande handläggare</source>
        <translation>1 ärende med frånvarande handläggare</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 ärenden med frånvarande handläggare</source>
        <translation>%1 ärenden med frånvarande handläggare</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 ofördelad</source>
        <translation>1 ofördelad</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 ofördelade</source>
        <translation>%1 ofördelade</translation>
    </message>
    <message>
        <location line="+5" />
        <source>1 kommande sammanträde</source>
        <translation>1 kommande sammanträde</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 kommande sammanträden</source>
        <translation>%1 kommande sammanträden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 godkänt förslag att föra upp på en föredragningslista</source>
        <translation>1 godkänt förslag att föra upp på en föredragningslista</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 godkända förslag att föra upp på en föredragningslista</source>
        <translation>%1 godkända förslag att föra upp på en föredragningslista</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 protokoll att justera</source>
        <translation>1 protokoll att justera</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 protokoll att justera</source>
        <translation>%1 protokoll att justera</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Markera ett ärende i listan Att göra först.</source>
        <translation>Markera ett ärende i listan Att göra först.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../ifodesk/ui/pages/statistics.py" line="+25" />
        <source>Typ av period</source>
        <translation>Typ av period</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+4" />
        <source>År</source>
        <translation>År</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Halvår</source>
        <translation>Halvår</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kvartal</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Månad</source>
        <translation>Månad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Egna datum</source>
        <translation>Egna datum</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Del av året</source>
        <translation>Del av året</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Från och med</source>
        <translation>Från och med</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Till och med</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enhet</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alla enheter</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dölj tal under</source>
        <translation>Dölj tal under</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visa alla tal</source>
        <translation>Visa alla tal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Antal under gränsen visas som ”..” i arbetsboken (sekretess).</source>
        <translation>Antal under gränsen visas som ”..” i arbetsboken (sekretess).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Visa nyckeltal</source>
        <translation>&amp;Visa nyckeltal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visa nyckeltal</source>
        <translation>Visa nyckeltal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Exportera Excel…</source>
        <translation>&amp;Exportera Excel…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exportera statistikarbetsboken</source>
        <translation>Exportera statistikarbetsboken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Socialstyrelsen…</source>
        <translation>&amp;Socialstyrelsen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exportera registret över insatser för barn och unga</source>
        <translation>Exportera registret över insatser för barn och unga</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Förlopp</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+1" />
        <source>Nyckeltal</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Värde</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Anmälningar per månad</source>
        <translation>Anmälningar per månad</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälningar per anmälarkategori</source>
        <translation>Anmälningar per anmälarkategori</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Andel inom lagstadgad tid (%)</source>
        <translation>Andel inom lagstadgad tid (%)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Datum:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E&amp;nhet:</source>
        <translation>E&amp;nhet:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dö&amp;lj tal under:</source>
        <translation>Dö&amp;lj tal under:</translation>
    </message>
    <message>
        <location line="+21" />
        <source>&lt;h2&gt;Statistik&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Statistik&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Arbetsbok för nämnden, Socialstyrelsen och Kolada. Talen räknas ur ärendena; varje export loggas.</source>
        <translation>Arbetsbok för nämnden, Socialstyrelsen och Kolada. Talen räknas ur ärendena; varje export loggas.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Första halvåret</source>
        <translation>Första halvåret</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Andra halvåret</source>
        <translation>Andra halvåret</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kvartal %1</source>
        <translation>Kvartal %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>januari</source>
        <translation>januari</translation>
    </message>
    <message>
        <location line="+0" />
        <source>februari</source>
        <translation>februari</translation>
    </message>
    <message>
        <location line="+0" />
        <source>mars</source>
        <translation>mars</translation>
    </message>
    <message>
        <location line="+0" />
        <source>april</source>
        <translation>april</translation>
    </message>
    <message>
        <location line="+0" />
        <source>maj</source>
        <translation>maj</translation>
    </message>
    <message>
        <location line="+1" />
        <source>juni</source>
        <translation>juni</translation>
    </message>
    <message>
        <location line="+0" />
        <source>juli</source>
        <translation>juli</translation>
    </message>
    <message>
        <location line="+0" />
        <source>augusti</source>
        <translation>augusti</translation>
    </message>
    <message>
        <location line="+0" />
        <source>september</source>
        <translation>september</translation>
    </message>
    <message>
        <location line="+1" />
        <source>oktober</source>
        <translation>oktober</translation>
    </message>
    <message>
        <location line="+0" />
        <source>november</source>
        <translation>november</translation>
    </message>
    <message>
        <location line="+0" />
        <source>december</source>
        <translation>december</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Räknar %1 (%2 av %3)</source>
        <translation>Räknar %1 (%2 av %3)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Det gick inte: %1</source>
        <translation>Det gick inte: %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Räknar nyckeltal för %1 …</source>
        <translation>Räknar nyckeltal för %1 …</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Nyckeltal för %1, %2.</source>
        <translation>Nyckeltal för %1, %2.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>alla enheter</source>
        <translation>alla enheter</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Spara statistikarbetsboken</source>
        <translation>Spara statistikarbetsboken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Skapar arbetsboken för %1 …</source>
        <translation>Skapar arbetsboken för %1 …</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Arbetsboken är sparad: %1 (%2 s).</source>
        <translation>Arbetsboken är sparad: %1 (%2 s).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Kontrollerar registret för %1 …</source>
        <translation>Kontrollerar registret för %1 …</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+2" />
        <source>Valideringsrapport</source>
        <translation>Valideringsrapport</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Valideringsrapport %1</source>
        <translation>Valideringsrapport %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Exportera ändå…</source>
        <translation>Exportera ändå…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Exportera…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+2" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 fel och %2 varningar. Fel bör rättas i ärendena innan filen lämnas.</source>
        <translation>%1 fel och %2 varningar. Fel bör rättas i ärendena innan filen lämnas.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Inga fel; %2 varningar. Varningarna hindrar inte exporten.</source>
        <translation>Inga fel; %2 varningar. Varningarna hindrar inte exporten.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Inga fel eller varningar.</source>
        <translation>Inga fel eller varningar.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Spara registerfilen</source>
        <translation>Spara registerfilen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Textfil (*.txt)</source>
        <translation>Textfil (*.txt)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Skriver registerfilen …</source>
        <translation>Skriver registerfilen …</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Registerfilen är sparad: %1 (%2 barn). Valideringsrapporten: %3</source>
        <translation>Registerfilen är sparad: %1 (%2 barn). Valideringsrapporten: %3</translation>
    </message>
    <message>
        <location line="+20" />
        <location line="+4" />
        <source>Anmälningar</source>
        <translation>Anmälningar</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Andel inom tid (%)</source>
        <translation>Andel inom tid (%)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utredning&lt;br&gt;inom %1</source>
        <translation>Utredning&lt;br&gt;inom %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Förhandsbedömning&lt;br&gt;inom %1</source>
        <translation>Förhandsbedömning&lt;br&gt;inom %1</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <location filename="../../ifodesk/ui/models/record_table.py" line="+34" />
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Nej</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../ifodesk/ui/decision/templates.py" line="+136" />
        <source>Mallkategori</source>
        <translation>Mallkategori</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alla kategorier</source>
        <translation>Alla kategorier</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sök beslutsmall</source>
        <translation>Sök beslutsmall</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sök mall eller lagrum …</source>
        <translation>Sök mall eller lagrum …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visa bara passande mallar</source>
        <translation>Visa bara passande mallar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Beslutsmallar</source>
        <translation>Beslutsmallar</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Beslutsmall:</source>
        <translation>&amp;Beslutsmall:</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Bara mallar för %1</source>
        <translation>Bara mallar för %1</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <location line="-148" />
        <source>Barn och unga</source>
        <translation>Barn och unga</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vuxen</source>
        <translation>Vuxen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ekonomiskt bistånd</source>
        <translation>Ekonomiskt bistånd</translation>
    </message>
    <message>
        <location line="+3" />
        <source>förhandsbedömningen</source>
        <translation>förhandsbedömningen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>förlängd utredningstid</source>
        <translation>förlängd utredningstid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>att avsluta utredningen</source>
        <translation>att avsluta utredningen</translation>
    </message>
    <message>
        <location line="+24" />
        <source> · förbehållet utskottet</source>
        <translation> · förbehållet utskottet</translation>
    </message>
    <message>
        <location line="+2" />
        <source> · brådskande väg via ordföranden</source>
        <translation> · brådskande väg via ordföranden</translation>
    </message>
</context>
<context>
    <name>TextSearchPanel</name>
    <message>
        <location filename="../../ifodesk/ui/pages/search.py" line="-134" />
        <location line="+7" />
        <source>Sök i texter</source>
        <translation>Sök i texter</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Ord i journal, utredning eller anmälan – alla ord ska finnas (minst 3 bokstäver)</source>
        <translation>Ord i journal, utredning eller anmälan – alla ord ska finnas (minst 3 bokstäver)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sök i &amp;texter</source>
        <translation>Sök i &amp;texter</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Visa med skäl …</source>
        <translation>Visa med skäl …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Visa träffar hos skyddade personer med ett skäl</source>
        <translation>Visa träffar hos skyddade personer med ett skäl</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Träffar i texter</source>
        <translation>Träffar i texter</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Söker …</source>
        <translation>Söker …</translation>
    </message>
    <message>
        <location line="+7" />
        <source>1 träff</source>
        <translation>1 träff</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 träffar</source>
        <translation>%1 träffar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(de senaste; fler äldre finns – skriv fler ord för att hitta dem)</source>
        <translation>(de senaste; fler äldre finns – skriv fler ord för att hitta dem)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 träff gäller en skyddad person och visas bara med ett skäl</source>
        <translation>1 träff gäller en skyddad person och visas bara med ett skäl</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 träffar gäller skyddade personer och visas bara med ett skäl</source>
        <translation>%1 träffar gäller skyddade personer och visas bara med ett skäl</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Träffar hos skyddade personer visas bara om du anger varför du behöver dem.</source>
        <translation>Träffar hos skyddade personer visas bara om du anger varför du behöver dem.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/timeline_tab.py" line="+31" />
        <source>Tid</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Händelse</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Av</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Förhandsbedömning pågår</source>
        <translation>Förhandsbedömning pågår</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Mottagen</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anmälare</source>
        <translation>Anmälare</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anledning</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ärende</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Utfall</source>
        <translation>Utfall</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location line="+7" />
        <source>Tidslinje</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Vald händelse i sin helhet</source>
        <translation>Vald händelse i sin helhet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Alla anmälningar om barnet</source>
        <translation>Alla anmälningar om barnet</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&lt;b&gt;Alla anmälningar om barnet&lt;/b&gt; (även de som inte ledde till utredning)</source>
        <translation>&lt;b&gt;Alla anmälningar om barnet&lt;/b&gt; (även de som inte ledde till utredning)</translation>
    </message>
</context>
<context>
    <name>UrgentBox</name>
    <message>
        <location filename="../../ifodesk/ui/decision/urgent_box.py" line="+36" />
        <source>Brådskande beslut</source>
        <translation>Brådskande beslut</translation>
    </message>
    <message>
        <location line="+21" />
        <source>&lt;b&gt;Brådskande beslut (%1):&lt;/b&gt; om nämndens beslut inte kan avvaktas får ordföranden eller en ledamot som nämnden förordnat besluta. Beslutet anmäls vid nämndens nästa sammanträde.</source>
        <translation>&lt;b&gt;Brådskande beslut (%1):&lt;/b&gt; om nämndens beslut inte kan avvaktas får ordföranden eller en ledamot som nämnden förordnat besluta. Beslutet anmäls vid nämndens nästa sammanträde.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Får besluta brådskande: %1.</source>
        <translation>Får besluta brådskande: %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ingen får i dag fatta beslutet brådskande</source>
        <translation>Ingen får i dag fatta beslutet brådskande</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(ingen ordförande eller förordnad ledamot finns upplagd).</source>
        <translation>(ingen ordförande eller förordnad ledamot finns upplagd).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Skickas förslaget brådskande ska det ange: %1. Ingen text fylls i automatiskt.</source>
        <translation>Skickas förslaget brådskande ska det ange: %1. Ingen text fylls i automatiskt.</translation>
    </message>
</context>
<context>
    <name>UserFactsDialog</name>
    <message>
        <location filename="../../ifodesk/ui/pages/admin_users.py" line="+31" />
        <source>Förordnande och erfarenhet – %1</source>
        <translation>Förordnande och erfarenhet – %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2). För in det nämnden har beslutat.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2). För in det nämnden har beslutat.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Förordnad att fatta brådskande beslut när nämndens beslut inte kan avvaktas (kommunallagen och de särskilda lagarna, t.ex. LVU och LVM)</source>
        <translation>&amp;Förordnad att fatta brådskande beslut när nämndens beslut inte kan avvaktas (kommunallagen och de särskilda lagarna, t.ex. LVU och LVM)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Förordnad för brådskande beslut</source>
        <translation>Förordnad för brådskande beslut</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Bara en ledamot i nämnden kan förordnas; %1 är anställd.</source>
        <translation>Bara en ledamot i nämnden kan förordnas; %1 är anställd.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ordföranden får alltid fatta brådskande beslut; inget förordnande behövs.</source>
        <translation>Ordföranden får alltid fatta brådskande beslut; inget förordnande behövs.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Tillräcklig erfarenhet för förhandsbedömning, utredning och uppföljning i barnärenden (socionomkravet i SoL)</source>
        <translation>&amp;Tillräcklig erfarenhet för förhandsbedömning, utredning och uppföljning i barnärenden (socionomkravet i SoL)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tillräcklig erfarenhet</source>
        <translation>Tillräcklig erfarenhet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Socionomexamen eller motsvarande: %1.</source>
        <translation>Socionomexamen eller motsvarande: %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0" />
        <source>nej</source>
        <translation>nej</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Spara</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <location filename="../../ifodesk/ui/sign_in.py" line="-57" />
        <source>Välj användare – demodatabas</source>
        <translation>Välj användare – demodatabas</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Användare</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Det här är en demodatabas med påhittade personer. Välj vem du vill vara:</source>
        <translation>Det här är en demodatabas med påhittade personer. Välj vem du vill vara:</translation>
    </message>
</context>
<context>
    <name>UtredningTab</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/utredning_tab.py" line="+53" />
        <source>&amp;Spara utredningen</source>
        <translation>&amp;Spara utredningen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Förläng utredningstiden …</source>
        <translation>Förläng utredningstiden …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avsluta utredningen …</source>
        <translation>Avsluta utredningen …</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Ingen utredning är inledd. En utredning inleds genom beslut om förhandsbedömning.</source>
        <translation>Ingen utredning är inledd. En utredning inleds genom beslut om förhandsbedömning.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inledd %1 · ska vara klar senast &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Inledd %1 · ska vara klar senast &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;br&gt;Förlängd %1 av %2 till %3: %4</source>
        <translation>&lt;br&gt;Förlängd %1 av %2 till %3: %4</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;br&gt;Avslutad %1: %2</source>
        <translation>&lt;br&gt;Avslutad %1: %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Utredningsplan</source>
        <translation>Utredningsplan</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Barnets egen berättelse</source>
        <translation>Barnets egen berättelse</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vårdnadshavarnas synpunkter</source>
        <translation>Vårdnadshavarnas synpunkter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Analys</source>
        <translation>Analys</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Plan, berättelser och analys</source>
        <translation>Plan, berättelser och analys</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Sparar …</source>
        <translation>Sparar …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 avsnitt osparat: %1</source>
        <translation>1 avsnitt osparat: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 avsnitt osparade: %2</source>
        <translation>%1 avsnitt osparade: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allt sparat</source>
        <translation>Allt sparat</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Inget att spara</source>
        <translation>Inget att spara</translation>
    </message>
</context>
<context>
    <name>VerkstallighetBox</name>
    <message>
        <location filename="../../ifodesk/ui/case_view/verkstallighet_box.py" line="+24" />
        <source>Verkställighet</source>
        <translation>Verkställighet</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+56" />
        <source>Välj ett beslut i listan.</source>
        <translation>Välj ett beslut i listan.</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Utförare</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Utförarens namn</source>
        <translation>Utförarens namn</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Namn (krävs för extern utförare)</source>
        <translation>Namn (krävs för extern utförare)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datum för uppdraget</source>
        <translation>Datum för uppdraget</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Verkställt datum</source>
        <translation>Verkställt datum</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Skäl till avbrott</source>
        <translation>Skäl till avbrott</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kommentar till avbrottet</source>
        <translation>Kommentar till avbrottet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kommentar (valfri)</source>
        <translation>Kommentar (valfri)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datum för avbrottet</source>
        <translation>Datum för avbrottet</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Ge upp&amp;drag</source>
        <translation>Ge upp&amp;drag</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Markera verkställt</source>
        <translation>&amp;Markera verkställt</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Markera av&amp;brutet</source>
        <translation>Markera av&amp;brutet</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Insatsen började:</source>
        <translation>Insatsen började:</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Hämtar …</source>
        <translation>Hämtar …</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Beslutet gäller ingen beviljad insats som ska verkställas.</source>
        <translation>Beslutet gäller ingen beviljad insats som ska verkställas.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>plats %1 av %2 i kön</source>
        <translation>plats %1 av %2 i kön</translation>
    </message>
    <message>
        <location line="+3" />
        <source>väntat %1 dagar</source>
        <translation>väntat %1 dagar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>tremånadersgräns %1</source>
        <translation>tremånadersgräns %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>utförare: %1</source>
        <translation>utförare: %1</translation>
    </message>
</context>
<context>
    <name>VersionedForm</name>
    <message>
        <location filename="../../ifodesk/ui/forms.py" line="+72" />
        <source>Osparat utkast från %1 återställt</source>
        <translation>Osparat utkast från %1 återställt</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sparat</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Ändrat – inte sparat än</source>
        <translation>Ändrat – inte sparat än</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ändrat – utkastet sparas på datorn</source>
        <translation>Ändrat – utkastet sparas på datorn</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Utkast sparat på datorn %1, inte i ärendet än</source>
        <translation>Utkast sparat på datorn %1, inte i ärendet än</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Sparar …</source>
        <translation>Sparar …</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Krock – någon annan har sparat</source>
        <translation>Krock – någon annan har sparat</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Inte sparat – utkastet finns kvar</source>
        <translation>Inte sparat – utkastet finns kvar</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Inte sparat</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Sparad version inläst</source>
        <translation>Sparad version inläst</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sparad version inläst; din text finns kvar som kopia på datorn</source>
        <translation>Sparad version inläst; din text finns kvar som kopia på datorn</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Dina val är ifyllda – spara för att de ska gälla</source>
        <translation>Dina val är ifyllda – spara för att de ska gälla</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Din text behölls – spara igen för att ersätta den sparade</source>
        <translation>Din text behölls – spara igen för att ersätta den sparade</translation>
    </message>
</context>
<context>
    <name>edit</name>
    <message>
        <location filename="../../ifodesk/ui/offline_merge.py" line="-84" />
        <source>(tomt)</source>
        <translation>(tomt)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ifodesk/ui/offline_mode.py" line="-117" />
        <source>OFFLINE – %1</source>
        <translation>OFFLINE – %1</translation>
    </message>
</context>
</TS>