import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  annualTaskCreateSchema, annualTaskListQuerySchema, annualTaskSchema, annualTaskUpdateSchema, idParamsSchema, listOf, quarterlyReportCreateSchema,
  quarterlyReportListQuerySchema, quarterlyReportSchema, quarterlyReportUpdateSchema, quarterlyScheduleQuerySchema, quarterlyScheduleSchema, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { errors } from '../results/results.http.js';
import * as service from './tasks.service.js';

const tags = ['年度任务与季度进展'];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/tasks', { schema: { tags, summary: '派驻人员的年度任务（含最近一次季度进展的状态）', querystring: annualTaskListQuerySchema, response: { 200: listOf(annualTaskSchema), ...errors } } },
    async (req) => service.listTasks(authorize(req, 'results:read'), req.query));
  app.get('/api/tasks/:id', { schema: { tags, summary: '年度任务详情', params: idParamsSchema, response: { 200: annualTaskSchema, ...errors } } },
    async (req) => service.getTask(authorize(req, 'results:read'), req.params.id));
  app.post('/api/tasks', { schema: { tags, summary: '受援单位为派驻人员安排年度任务', body: annualTaskCreateSchema, response: { 201: annualTaskSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createTask(authorize(req, 'task:write'), req.body)));
  app.patch('/api/tasks/:id', { schema: { tags, summary: '修改年度任务', params: idParamsSchema, body: annualTaskUpdateSchema, response: { 200: annualTaskSchema, ...errors } } },
    async (req) => service.updateTask(authorize(req, 'task:write'), req.params.id, req.body));
  app.delete('/api/tasks/:id', { schema: { tags, summary: '删除尚未在季度进展中反馈过的年度任务', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeTask(authorize(req, 'task:write'), req.params.id));

  app.get('/api/quarterly-reports', { schema: { tags, summary: '季度进展（受援单位向支援单位反馈的派驻人员工作情况）', querystring: quarterlyReportListQuerySchema, response: { 200: listOf(quarterlyReportSchema), ...errors } } },
    async (req) => service.listReports(authorize(req, 'results:read'), req.query));
  app.get('/api/quarterly-reports/schedule', {
    schema: { tags, summary: '某年各季度反馈的截止日（节假日顺延）、反馈情况与规则判定；lateOnly=true 只看逾期', querystring: quarterlyScheduleQuerySchema, response: { 200: quarterlyScheduleSchema, ...errors } },
  }, async (req) => service.quarterlySchedule(authorize(req, 'results:read'), req.query));
  app.get('/api/quarterly-reports/:id', { schema: { tags, summary: '季度进展详情（截止日与逾期天数）', params: idParamsSchema, response: { 200: quarterlyReportSchema, ...errors } } },
    async (req) => service.getReport(authorize(req, 'results:read'), req.params.id));
  app.post('/api/quarterly-reports', {
    schema: { tags, summary: '受援单位反馈一名派驻人员一个季度的工作情况与年度任务进展（反馈日期为服务器当日）', body: quarterlyReportCreateSchema, response: { 201: quarterlyReportSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createReport(authorize(req, 'task:write'), req.body)));
  app.patch('/api/quarterly-reports/:id', { schema: { tags, summary: '更正季度进展（反馈日期不变）', params: idParamsSchema, body: quarterlyReportUpdateSchema, response: { 200: quarterlyReportSchema, ...errors } } },
    async (req) => service.updateReport(authorize(req, 'task:write'), req.params.id, req.body));
};
