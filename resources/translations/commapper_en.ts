<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConnectPicker</name>
    <message numerus="yes">
        <source>%n more — keep typing to narrow the list</source>
        <translation>
            <numerusform>%n more — keep typing to narrow the list</numerusform>
            <numerusform>%n more — keep typing to narrow the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>Select just one node to connect it: %n are selected.</source>
        <translation>
            <numerusform>Select just one node to connect it: %n is selected.</numerusform>
            <numerusform>Select just one node to connect it: %n are selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n nodes</source>
        <translation>
            <numerusform>Duplicate %n node</numerusform>
            <numerusform>Duplicate %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n nodes</source>
        <translation>
            <numerusform>Paste %n node</numerusform>
            <numerusform>Paste %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation>
            <numerusform>Cut %n item</numerusform>
            <numerusform>Cut %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n nodes</source>
        <translation>
            <numerusform>Pin %n node</numerusform>
            <numerusform>Pin %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n nodes</source>
        <translation>
            <numerusform>Unpin %n node</numerusform>
            <numerusform>Unpin %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%n me nodes selected</source>
        <translation>
            <numerusform>%n me node selected</numerusform>
            <numerusform>%n me nodes selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n communities selected</source>
        <translation>
            <numerusform>%n community selected</numerusform>
            <numerusform>%n communities selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people selected</source>
        <translation>
            <numerusform>%n person selected</numerusform>
            <numerusform>%n people selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n boundary objects selected</source>
        <translation>
            <numerusform>%n boundary object selected</numerusform>
            <numerusform>%n boundary objects selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memberships selected</source>
        <translation>
            <numerusform>%n membership selected</numerusform>
            <numerusform>%n memberships selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n crossings selected</source>
        <translation>
            <numerusform>%n crossing selected</numerusform>
            <numerusform>%n crossings selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object uses selected</source>
        <translation>
            <numerusform>%n object use selected</numerusform>
            <numerusform>%n object uses selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ties selected</source>
        <translation>
            <numerusform>%n tie selected</numerusform>
            <numerusform>%n ties selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n me nodes</source>
        <translation>
            <numerusform>Change {field} of %n me node</numerusform>
            <numerusform>Change {field} of %n me nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n communities</source>
        <translation>
            <numerusform>Change {field} of %n community</numerusform>
            <numerusform>Change {field} of %n communities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n people</source>
        <translation>
            <numerusform>Change {field} of %n person</numerusform>
            <numerusform>Change {field} of %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n boundary objects</source>
        <translation>
            <numerusform>Change {field} of %n boundary object</numerusform>
            <numerusform>Change {field} of %n boundary objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n memberships</source>
        <translation>
            <numerusform>Change {field} of %n membership</numerusform>
            <numerusform>Change {field} of %n memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n crossings</source>
        <translation>
            <numerusform>Change {field} of %n crossing</numerusform>
            <numerusform>Change {field} of %n crossings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n object uses</source>
        <translation>
            <numerusform>Change {field} of %n object use</numerusform>
            <numerusform>Change {field} of %n object uses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n ties</source>
        <translation>
            <numerusform>Change {field} of %n tie</numerusform>
            <numerusform>Change {field} of %n ties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n items</source>
        <translation>
            <numerusform>Change {field} of %n item</numerusform>
            <numerusform>Change {field} of %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n communities</source>
        <translation>
            <numerusform>%n community</numerusform>
            <numerusform>%n communities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n boundary objects</source>
        <translation>
            <numerusform>%n boundary object</numerusform>
            <numerusform>%n boundary objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message numerus="yes">
        <source>merged, %n note(s)</source>
        <translation>
            <numerusform>merged, %n note</numerusform>
            <numerusform>merged, %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) merged from the folder {folder}.</source>
        <translation>
            <numerusform>%n map merged from the folder {folder}.</numerusform>
            <numerusform>%n maps merged from the folder {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and are left out.</source>
        <translation>
            <numerusform>%n file could not be read and is left out.</numerusform>
            <numerusform>%n files could not be read and are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomAnalysisView</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s), {communities} communities on the room map.</source>
        <translation>
            <numerusform>%n participant, {communities} communities on the room map.</numerusform>
            <numerusform>%n participants, {communities} communities on the room map.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %n more pairs)</source>
        <translation>
            <numerusform> (and %n more pair)</numerusform>
            <numerusform> (and %n more pairs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more participants</source>
        <translation>
            <numerusform>… and %n more participant</numerusform>
            <numerusform>… and %n more participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n most shared communities.</source>
        <translation>
            <numerusform>The most shared community.</numerusform>
            <numerusform>The %n most shared communities.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message numerus="yes">
        <source>{label}: named by %n people</source>
        <translation>
            <numerusform>{label}: named by %n person</numerusform>
            <numerusform>{label}: named by %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewsPanel</name>
    <message numerus="yes">
        <source>%n chosen node(s) of those kinds.</source>
        <translation>
            <numerusform>%n chosen node of those kinds.</numerusform>
            <numerusform>%n chosen nodes of those kinds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlighted.</source>
        <translation>
            <numerusform>%n highlighted.</numerusform>
            <numerusform>%n highlighted.</numerusform>
        </translation>
    </message>
</context>
</TS>
