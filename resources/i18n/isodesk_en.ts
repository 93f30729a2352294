<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="209"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="223"/>
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
        <location filename="../../views/batch_dialog.py" line="551"/>
        <source>%n people have no room: nobody will be checked in</source>
        <translation>
            <numerusform>%n person has no room: nobody will be checked in</numerusform>
            <numerusform>%n people have no room: nobody will be checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="621"/>
        <source>%n rows written to {0}</source>
        <translation>
            <numerusform>%n row written to {0}</numerusform>
            <numerusform>%n rows written to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="629"/>
        <source>Check in %n people?</source>
        <translation>
            <numerusform>Check in %n person?</numerusform>
            <numerusform>Check in %n people?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="682"/>
        <source>%n people checked in</source>
        <translation>
            <numerusform>%n person checked in</numerusform>
            <numerusform>%n people checked in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="168"/>
        <source>%n room(s) to add</source>
        <translation>
            <numerusform>%n room to add</numerusform>
            <numerusform>%n rooms to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="169"/>
        <source>%n to change</source>
        <translation>
            <numerusform>%n to change</numerusform>
            <numerusform>%n to change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="170"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="171"/>
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayoutPage</name>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="373"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="610"/>
        <source>Retire floor {0} and its %n room(s)? Its history is kept.</source>
        <translation>
            <numerusform>Retire floor {0} and its %n room? Its history is kept.</numerusform>
            <numerusform>Retire floor {0} and its %n rooms? Its history is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="616"/>
        <source>Retire building {0} and its %n room(s)? Its history is kept.</source>
        <translation>
            <numerusform>Retire building {0} and its %n room? Its history is kept.</numerusform>
            <numerusform>Retire building {0} and its %n rooms? Its history is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="663"/>
        <source>%n room(s) added</source>
        <translation>
            <numerusform>%n room added</numerusform>
            <numerusform>%n rooms added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="663"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../views/main_window.py" line="516"/>
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
        <location filename="../../views/occupants_page.py" line="324"/>
        <source>More than %n people: type more to narrow the search</source>
        <translation>
            <numerusform>More than %n person: type more to narrow the search</numerusform>
            <numerusform>More than %n people: type more to narrow the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/occupants_page.py" line="326"/>
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
    <name>ReleaseBatchDialog</name>
    <message numerus="yes">
        <location filename="../../views/release_batch_dialog.py" line="224"/>
        <source>Release %n people?</source>
        <translation>
            <numerusform>Release %n person?</numerusform>
            <numerusform>Release %n people?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/release_batch_dialog.py" line="254"/>
        <source>%n people released</source>
        <translation>
            <numerusform>%n person released</numerusform>
            <numerusform>%n people released</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message numerus="yes">
        <location filename="../../views/room_dialog.py" line="62"/>
        <source>%n beds</source>
        <translation>
            <numerusform>%n bed</numerusform>
            <numerusform>%n beds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleSetsPage</name>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="713"/>
        <source>The site follows “{0}” from {1}: %n stays&apos; dates changed.</source>
        <translation>
            <numerusform>The site follows “{0}” from {1}: %n stay&apos;s dates changed.</numerusform>
            <numerusform>The site follows “{0}” from {1}: %n stays&apos; dates changed.</numerusform>
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
        <location filename="../../views/swabs_page.py" line="289"/>
        <location filename="../../views/swabs_page.py" line="380"/>
        <source>%n results recorded</source>
        <translation>
            <numerusform>%n result recorded</numerusform>
            <numerusform>%n results recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="301"/>
        <source>Record a POSITIVE result for these %n people: {0}?</source>
        <translation>
            <numerusform>Record a POSITIVE result for this person: {0}?</numerusform>
            <numerusform>Record a POSITIVE result for these %n people: {0}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="359"/>
        <source>%n rows matched, {0} not matched</source>
        <translation>
            <numerusform>%n row matched, {0} not matched</numerusform>
            <numerusform>%n rows matched, {0} not matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="371"/>
        <source>The lab file has %n positive results: {0}. Record the matched results?</source>
        <translation>
            <numerusform>The lab file has %n positive result: {0}. Record the matched results?</numerusform>
            <numerusform>The lab file has %n positive results: {0}. Record the matched results?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="454"/>
        <source>%n people would restart their isolation</source>
        <translation>
            <numerusform>%n person would restart their isolation</numerusform>
            <numerusform>%n people would restart their isolation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="462"/>
        <source>Isolation restarted for %n people</source>
        <translation>
            <numerusform>Isolation restarted for %n person</numerusform>
            <numerusform>Isolation restarted for %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SwitchPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="240"/>
        <source>Switch the site to “{0}” from {1}: the dates of %n current stays change.</source>
        <translation>
            <numerusform>Switch the site to “{0}” from {1}: the dates of %n current stay change.</numerusform>
            <numerusform>Switch the site to “{0}” from {1}: the dates of %n current stays change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="260"/>
        <source>%n current stays keep their dates.</source>
        <translation>
            <numerusform>%n current stay keeps its dates.</numerusform>
            <numerusform>%n current stays keep their dates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="270"/>
        <source>Extended by hand +%n days</source>
        <translation>
            <numerusform>Extended by hand +%n day</numerusform>
            <numerusform>Extended by hand +%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="272"/>
        <source>Shortened by hand by %n days</source>
        <translation>
            <numerusform>Shortened by hand by %n day</numerusform>
            <numerusform>Shortened by hand by %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
