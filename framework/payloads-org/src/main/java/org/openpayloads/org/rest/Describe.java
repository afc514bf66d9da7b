package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.schema.ChildRelationship;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/** The describe answers, with the keys real orgs send (see describe-account.json), so clients bind them. */
final class Describe {

    private Describe() {
    }

    static ObjectNode global(SchemaSnapshot schema, String version) {
        ObjectNode root = RecordJson.NODES.objectNode();
        root.put("encoding", "UTF-8");
        root.put("maxBatchSize", 200);
        ArrayNode sobjects = root.putArray("sobjects");
        schema.objects().forEach(object -> sobjects.add(summary(object, version)));
        return root;
    }

    static ObjectNode summary(ObjectDefinition object, String version) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("activateable", false);
        node.put("createable", true);
        node.put("custom", object.custom());
        node.put("customSetting", false);
        node.put("deletable", true);
        node.put("deprecatedAndHidden", false);
        node.put("feedEnabled", false);
        node.put("hasSubtypes", false);
        node.put("isSubtype", false);
        node.put("keyPrefix", object.keyPrefix());
        node.put("label", object.label());
        node.put("labelPlural", object.labelPlural());
        node.put("layoutable", true);
        node.put("mergeable", false);
        node.put("mruEnabled", false);
        node.put("name", object.name());
        node.put("queryable", true);
        node.put("replicateable", true);
        node.put("retrieveable", true);
        node.put("searchable", true);
        node.put("triggerable", true);
        node.put("undeletable", false);
        node.put("updateable", true);
        ObjectNode urls = node.putObject("urls");
        String base = "/services/data/" + version + "/sobjects/" + object.name();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        return node;
    }

    static ObjectNode object(ObjectDefinition object, SchemaSnapshot schema, String version) {
        ObjectNode node = summary(object, version);
        ArrayNode children = node.putArray("childRelationships");
        for (ChildRelationship child : schema.childRelationships(object.name())) {
            ObjectNode c = children.addObject();
            c.put("cascadeDelete", child.cascadeDelete());
            c.put("childSObject", child.childObject());
            c.put("deprecatedAndHidden", false);
            c.put("field", child.field());
            c.putArray("junctionIdListNames");
            c.putArray("junctionReferenceTo");
            c.put("relationshipName", child.relationshipName());
            c.put("restrictedDelete", false);
        }
        ArrayNode fields = node.putArray("fields");
        object.fields().forEach(field -> fields.add(field(field)));
        node.putArray("recordTypeInfos");
        return node;
    }

    /** One field; long because it is the flat list of keys a real describe has, in the same order. */
    static ObjectNode field(FieldDefinition f) {
        ObjectNode n = RecordJson.NODES.objectNode();
        FieldType type = f.type();
        boolean text = type.hasLength() || type == FieldType.ID || type == FieldType.REFERENCE;
        n.put("aggregatable", type != FieldType.TEXTAREA);
        n.put("autoNumber", false);
        n.put("byteLength", text ? f.length() * 3 : 0);
        n.put("calculated", false);
        n.putNull("calculatedFormula");
        n.put("cascadeDelete", f.cascadeDelete());
        n.put("caseSensitive", false);
        n.putNull("compoundFieldName");
        n.putNull("controllerName");
        n.put("createable", f.writable());
        n.put("custom", f.custom());
        n.putNull("defaultValue");
        n.putNull("defaultValueFormula");
        n.put("defaultedOnCreate", f.system() || type == FieldType.BOOLEAN);
        n.put("dependentPicklist", false);
        n.put("deprecatedAndHidden", false);
        n.put("digits", type == FieldType.INT ? f.precision() : 0);
        n.put("displayLocationInDecimal", false);
        n.put("encrypted", false);
        n.put("externalId", f.externalId());
        n.putNull("extraTypeInfo");
        n.put("filterable", type != FieldType.TEXTAREA);
        n.putNull("filteredLookupInfo");
        n.put("groupable", type != FieldType.TEXTAREA && !type.isNumber() || type == FieldType.INT);
        n.put("highScaleNumber", false);
        n.put("htmlFormatted", false);
        n.put("idLookup", f.name().equals("Id") || f.idLookup() || f.externalId());
        n.putNull("inlineHelpText");
        n.put("label", f.label());
        n.put("length", text ? f.length() : 0);
        n.putNull("mask");
        n.putNull("maskType");
        n.put("name", f.name());
        n.put("nameField", f.name().equals("Name"));
        n.put("namePointing", false);
        n.put("nillable", !f.required() && type != FieldType.BOOLEAN && !f.system());
        n.put("permissionable", f.custom() && !f.required());
        ArrayNode picklist = n.putArray("picklistValues");
        f.picklistValues().forEach(v -> picklist.addObject().put("active", true).put("defaultValue", false)
                .put("label", v).putNull("validFor").put("value", v));
        n.put("polymorphicForeignKey", false);
        n.put("precision", type.isNumber() && type != FieldType.INT ? f.precision() : 0);
        n.put("queryByDistance", false);
        n.putNull("referenceTargetField");
        ArrayNode referenceTo = n.putArray("referenceTo");
        if (f.referenceTo() != null) {
            referenceTo.add(f.referenceTo());
        }
        if (f.relationshipName() != null) {
            n.put("relationshipName", f.relationshipName());
        } else {
            n.putNull("relationshipName");
        }
        n.putNull("relationshipOrder");
        n.put("restrictedDelete", false);
        n.put("restrictedPicklist", f.restrictedPicklist());
        n.put("scale", type.isNumber() && type != FieldType.INT ? f.scale() : 0);
        n.put("searchPrefilterable", false);
        n.put("soapType", type.soapType());
        n.put("sortable", type != FieldType.TEXTAREA);
        n.put("type", type.describeName());
        n.put("unique", f.unique());
        n.put("updateable", f.writable() && !f.name().equals("Id"));
        n.put("writeRequiresMasterRead", false);
        return n;
    }
}
