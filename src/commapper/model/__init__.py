"""The map document: nodes and edges (pydantic dataclasses), views, pure edits, change events.

No Qt here: everything in this package runs and is tested without a display.
"""

from commapper.model.document import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    MapDocument,
    raw_reference_problems,
    reference_problems,
    utc_now,
)
from commapper.model.edits import (
    Batch,
    Edit,
    EditError,
    InsertItems,
    MoveNodes,
    RemoveItems,
    UpdateItem,
    UpdateMap,
    add_edge,
    add_node,
    apply_edit,
    move_nodes,
    remove_items,
    update_item,
)
from commapper.model.events import DocumentChanged
from commapper.model.items import (
    ACTOR_KINDS,
    EDGE_CLASSES,
    EDGE_ENDPOINTS,
    LEVELS,
    NODE_CLASSES,
    NODE_ID_PREFIX,
    PINNED_TAG,
    SECTOR_SUGGESTIONS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    Edge,
    EdgeKind,
    EdgeModel,
    Level,
    Means,
    MembershipEdge,
    MeNode,
    Mode,
    Node,
    NodeKind,
    NodeModel,
    ObjectUseEdge,
    PersonNode,
    Stage,
    TieEdge,
    View,
    Viewport,
    edge_kinds_between,
    field_names,
    is_valid_id,
)
from commapper.model.problems import (
    Problem,
    in_path_order,
    json_path,
    problems_from_validation,
    quoted,
)
from commapper.model.text import printable
