<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="207"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="221"/>
        <source>%n entries written to {0}</source>
        <translation>
            <numerusform>%n entry written to {0}</numerusform>
            <numerusform>%n entries written to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="438"/>
        <source>%n people have no room: nobody will be checked in</source>
        <translation>
            <numerusform>%n person has no room: nobody will be checked in</numerusform>
            <numerusform>%n people have no room: nobody will be checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="508"/>
        <source>%n rows written to {0}</source>
        <translation>
            <numerusform>%n row written to {0}</numerusform>
            <numerusform>%n rows written to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="516"/>
        <source>Check in %n people?</source>
        <translation>
            <numerusform>Check in %n person?</numerusform>
            <numerusform>Check in %n people?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="568"/>
        <source>%n people checked in</source>
        <translation>
            <numerusform>%n person checked in</numerusform>
            <numerusform>%n people checked in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../views/main_window.py" line="357"/>
        <source>Checked in: %n people</source>
        <translation>
            <numerusform>Checked in: %n person</numerusform>
            <numerusform>Checked in: %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OccupantsPage</name>
    <message numerus="yes">
        <location filename="../../views/occupants_page.py" line="300"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="534"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RasterJob</name>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="373"/>
        <source>Printing cancelled: {0} of %n pages had already been sent to the printer.</source>
        <translation>
            <numerusform>Printing cancelled: {0} of %n page had already been sent to the printer.</numerusform>
            <numerusform>Printing cancelled: {0} of %n pages had already been sent to the printer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="459"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message numerus="yes">
        <location filename="../../views/room_dialog.py" line="53"/>
        <source>%n beds</source>
        <translation>
            <numerusform>%n bed</numerusform>
            <numerusform>%n beds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteWizard</name>
    <message numerus="yes">
        <location filename="../../views/site_wizard.py" line="139"/>
        <source>%n rooms; floor 1: {0}</source>
        <translation>
            <numerusform>%n room; floor 1: {0}</numerusform>
            <numerusform>%n rooms; floor 1: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpoolJob</name>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="307"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SwabsPage</name>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="253"/>
        <location filename="../../views/swabs_page.py" line="338"/>
        <source>%n results recorded</source>
        <translation>
            <numerusform>%n result recorded</numerusform>
            <numerusform>%n results recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="265"/>
        <source>Record a POSITIVE result for these %n people: {0}?</source>
        <translation>
            <numerusform>Record a POSITIVE result for this person: {0}?</numerusform>
            <numerusform>Record a POSITIVE result for these %n people: {0}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="317"/>
        <source>%n rows matched, {0} not matched</source>
        <translation>
            <numerusform>%n row matched, {0} not matched</numerusform>
            <numerusform>%n rows matched, {0} not matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="329"/>
        <source>The lab file has %n positive results: {0}. Record the matched results?</source>
        <translation>
            <numerusform>The lab file has %n positive result: {0}. Record the matched results?</numerusform>
            <numerusform>The lab file has %n positive results: {0}. Record the matched results?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="412"/>
        <source>%n people would restart their isolation</source>
        <translation>
            <numerusform>%n person would restart their isolation</numerusform>
            <numerusform>%n people would restart their isolation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="420"/>
        <source>Isolation restarted for %n people</source>
        <translation>
            <numerusform>Isolation restarted for %n person</numerusform>
            <numerusform>Isolation restarted for %n people</numerusform>
        </translation>
    </message>
</context>
</TS>
